import { Writable } from 'node:stream';
import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';

describe('logger', () => {
  it('never writes the request body of a failed Discord call (it can hold message text)', () => {
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write(chunk: Buffer, _e, done) { lines.push(chunk.toString()); done(); } }));
    const error = new DiscordAPIError({ code: 50013, message: 'Missing Permissions' }, 50013, 403, 'POST', '/channels/1/messages', { body: { content: 'I want to disappear' }, files: undefined });
    logger.error({ err: error, content: 'secret words' }, 'could not post');
    expect(lines.join('')).toContain('Missing Permissions');
    expect(lines.join('')).not.toContain('I want to disappear');
    expect(lines.join('')).not.toContain('secret words');
  });

  it('drops ids and tokens from request addresses, and query values from database errors', () => {
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write(chunk: Buffer, _e, done) { lines.push(chunk.toString()); done(); } }));
    const discord = new DiscordAPIError({ code: 10013, message: 'Unknown User' }, 10013, 404, 'GET', 'http://x/api/v10/webhooks/123456789012345678/' + 't'.repeat(68) + '?wait=true', { body: undefined, files: undefined });
    logger.error({ err: discord }, 'failed');
    const query = Object.assign(new Error('Failed query: insert into cases values ($1)\nparams: I want to disappear,123456789012345678'), { cause: { code: '57P01' }, query: 'insert', params: ['I want to disappear'] });
    logger.error({ err: query }, 'failed');
    const text = lines.join('');
    expect(text).toContain('/webhooks/:id/:id');
    expect(text).not.toContain('123456789012345678');
    expect(text).not.toContain('t'.repeat(68));
    expect(text).toContain('database query failed (57P01)');
    expect(text).not.toContain('I want to disappear');
  });
});
