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
});
