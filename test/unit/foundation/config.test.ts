import { describe, expect, it } from 'vitest';
import { ConfigError, applicationIdFromToken, loadConfig } from '../../../src/config.js';

const token = `${Buffer.from('123456789012345678').toString('base64')}.GhIjKl.abcdefghijklmnopqrstuvwxyz012345`;

describe('loadConfig', () => {
  it('names every missing or invalid key in one message', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://nope', LOG_LEVEL: 'loud', DEV_GUILD_ID: 'abc' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('DISCORD_TOKEN is required');
    expect(message).toContain('DATABASE_URL must be a postgres:// URL');
    expect(message).toContain('LOG_LEVEL must be one of');
    expect(message).toContain('DEV_GUILD_ID must be a Discord id');
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('requires ANON_SECRET with a Postgres server, so every process shares one', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.x.y', DATABASE_URL: 'postgres://h/db' })).toThrow(/ANON_SECRET is required with DATABASE_URL/);
    expect(loadConfig({ DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.x.y', DATABASE_URL: 'postgres://h/db', ANON_SECRET: 'y'.repeat(32) }).databaseUrl).toBe('postgres://h/db');
  });

  it('uses the embedded database in ./data when DATABASE_URL is unset', () => {
    const config = loadConfig({ DISCORD_TOKEN: token });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.logLevel).toBe('info');
  });

  it('treats blank values as unset, as a copied .env.example leaves them', () => {
    const config = loadConfig({ DISCORD_TOKEN: token, DATABASE_URL: '', DISCORD_API_URL: '  ' });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.discordApiUrl).toBeUndefined();
  });

  it('reads the application id out of the token when it is not given', () => {
    expect(applicationIdFromToken(token)).toBe('123456789012345678');
    expect(loadConfig({ DISCORD_TOKEN: token }).applicationId).toBe('123456789012345678');
    expect(loadConfig({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: '987654321098765432' }).applicationId).toBe('987654321098765432');
  });

  it('drops a trailing slash from DISCORD_API_URL so REST paths join cleanly', () => {
    expect(loadConfig({ DISCORD_TOKEN: token, DISCORD_API_URL: 'http://127.0.0.1:8080/api/' }).discordApiUrl).toBe('http://127.0.0.1:8080/api');
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(loadConfig({ DISCORD_TOKEN: token }))).toBe(true);
  });
});
