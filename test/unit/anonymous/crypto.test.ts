import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveKeys } from '../../../src/features/anonymous/keys.js';
import { PSEUDONYM_ADJECTIVES, PSEUDONYM_ANIMALS, pseudonymFor } from '../../../src/features/anonymous/pseudonym.js';
import { blockKeyFor, openAuthor, sealAuthor } from '../../../src/features/anonymous/seal.js';
import { loadOrCreateSecret } from '../../../src/features/anonymous/secret.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const OTHER_SECRET = 'another-test-secret-also-long-enough-987654';
const keys = deriveKeys(SECRET);
const otherKeys = deriveKeys(OTHER_SECRET);

const AUTHOR = '123456789012345678';
const THREAD_A = '900000000000000001';
const THREAD_B = '900000000000000002';
const authors = Array.from({ length: 300 }, (_, i) => String(100000000000000000n + BigInt(i) * 7919n));

describe('keys', () => {
  it('refuses secrets shorter than 32 characters', () => {
    expect(() => deriveKeys('x'.repeat(31))).toThrow(/32/);
    expect(() => deriveKeys('')).toThrow();
    expect(() => deriveKeys('x'.repeat(32))).not.toThrow();
  });

  it('derives three different 32-byte keys, all dependent on the secret', () => {
    const { pseudonymKey, sealKey, blockKey } = keys;
    for (const key of [pseudonymKey, sealKey, blockKey]) expect(key).toHaveLength(32);
    expect(pseudonymKey.equals(sealKey) || sealKey.equals(blockKey) || pseudonymKey.equals(blockKey)).toBe(false);
    expect(deriveKeys(SECRET).sealKey.equals(sealKey)).toBe(true);
    expect(otherKeys.sealKey.equals(sealKey)).toBe(false);
  });
});

describe('pseudonyms', () => {
  it('look like "Adjective Animal"', () => {
    expect(pseudonymFor(keys, AUTHOR, THREAD_A)).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
  });

  it('stay the same for one author within one thread', () => {
    expect(pseudonymFor(keys, AUTHOR, THREAD_A)).toBe(pseudonymFor(deriveKeys(SECRET), AUTHOR, THREAD_A));
  });

  it('rarely collide between different authors in one thread', () => {
    const names = new Set(authors.map((a) => pseudonymFor(keys, a, THREAD_A)));
    // 300 authors over 16,384 names: about 3 colliding pairs expected.
    expect(names.size).toBeGreaterThanOrEqual(authors.length - 12);
  });

  it('cannot be linked across threads', () => {
    const same = authors.filter((a) => pseudonymFor(keys, a, THREAD_A) === pseudonymFor(keys, a, THREAD_B));
    expect(same.length).toBeLessThanOrEqual(2);
  });

  it('change with the server secret', () => {
    const same = authors.filter((a) => pseudonymFor(keys, a, THREAD_A) === pseudonymFor(otherKeys, a, THREAD_A));
    expect(same.length).toBeLessThanOrEqual(2);
  });

  it('never contain the author id, or a word Discord refuses in webhook names, and fit in 80 characters', () => {
    for (const a of authors) {
      const name = pseudonymFor(keys, a, THREAD_A);
      expect(name).not.toContain(a);
      expect(name.length).toBeLessThanOrEqual(80);
      expect(name.toLowerCase()).not.toMatch(/discord|clyde/);
    }
  });

  it('draw from two lists of at least 64 distinct, plain words', () => {
    for (const list of [PSEUDONYM_ADJECTIVES, PSEUDONYM_ANIMALS]) {
      expect(new Set(list).size).toBe(list.length);
      expect(list.length).toBeGreaterThanOrEqual(64);
      for (const word of list) {
        expect(word).toMatch(/^[A-Z][a-z]+$/);
        expect(word.toLowerCase()).not.toMatch(/discord|clyde/);
      }
    }
  });
});

describe('sealed authors', () => {
  const POST = 'post-1';

  it('round-trip for the same post', () => {
    expect(openAuthor(keys, sealAuthor(keys, AUTHOR, POST), POST)).toBe(AUTHOR);
  });

  it('never show the author id and differ every time (random IV)', () => {
    const first = sealAuthor(keys, AUTHOR, POST);
    const second = sealAuthor(keys, AUTHOR, POST);
    expect(first).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(first).not.toBe(second);
    for (const sealed of [first, second]) {
      expect(sealed).not.toContain(AUTHOR);
      expect(sealed).not.toContain(Buffer.from(AUTHOR).toString('base64url'));
    }
  });

  it('refuse to open under another post (context)', () => {
    expect(() => openAuthor(keys, sealAuthor(keys, AUTHOR, POST), 'post-2')).toThrow();
  });

  it('refuse to open when altered', () => {
    const sealed = sealAuthor(keys, AUTHOR, POST);
    const [v, iv, ct, tag] = sealed.split('.') as [string, string, string, string];
    const flip = (part: string): string => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64url');
    };
    expect(() => openAuthor(keys, [v, iv, flip(ct), tag].join('.'), POST)).toThrow();
    expect(() => openAuthor(keys, [v, flip(iv), ct, tag].join('.'), POST)).toThrow();
    expect(() => openAuthor(keys, [v, iv, ct, flip(tag)].join('.'), POST)).toThrow();
    expect(() => openAuthor(keys, [v, iv, ct, tag.slice(0, 8)].join('.'), POST)).toThrow();
    expect(() => openAuthor(keys, `v2.${iv}.${ct}.${tag}`, POST)).toThrow();
    expect(() => openAuthor(keys, 'garbage', POST)).toThrow();
  });

  it('refuse to open under another secret', () => {
    expect(() => openAuthor(otherKeys, sealAuthor(keys, AUTHOR, POST), POST)).toThrow();
  });
});

describe('block keys', () => {
  it('are stable, hide the author, and differ per guild, per author and per secret', () => {
    const key = blockKeyFor(keys, 'guild-1', AUTHOR);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain(AUTHOR);
    expect(blockKeyFor(deriveKeys(SECRET), 'guild-1', AUTHOR)).toBe(key);
    expect(blockKeyFor(keys, 'guild-2', AUTHOR)).not.toBe(key);
    expect(blockKeyFor(keys, 'guild-1', '123456789012345679')).not.toBe(key);
    expect(blockKeyFor(otherKeys, 'guild-1', AUTHOR)).not.toBe(key);
  });
});

describe('loadOrCreateSecret', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'haven-anon-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('generates a secret on first start into a 0600 file (creating the data dir), then reuses it', () => {
    const dataDir = join(tempDir(), 'nested', 'data');
    const first = loadOrCreateSecret({ dataDir });
    expect(first.created).toBe(true);
    expect(first.path).toBe(join(dataDir, 'anon-secret'));
    expect(first.secret.length).toBeGreaterThanOrEqual(64);
    expect(() => deriveKeys(first.secret)).not.toThrow();
    expect(statSync(join(dataDir, 'anon-secret')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, 'anon-secret'), 'utf8').trim()).toBe(first.secret);

    const second = loadOrCreateSecret({ dataDir });
    expect(second).toEqual({ secret: first.secret, created: false, path: first.path });
  });

  it('generates a different secret for each new data dir', () => {
    expect(loadOrCreateSecret({ dataDir: tempDir() }).secret).not.toBe(loadOrCreateSecret({ dataDir: tempDir() }).secret);
  });

  it('prefers the configured secret and writes no file', () => {
    const dataDir = tempDir();
    expect(loadOrCreateSecret({ configured: SECRET, dataDir })).toEqual({ secret: SECRET, created: false });
    expect(() => statSync(join(dataDir, 'anon-secret'))).toThrow();
  });

  it('tightens an existing secret file readable by others to 0600', () => {
    const dataDir = tempDir();
    const path = join(dataDir, 'anon-secret');
    writeFileSync(path, `${OTHER_SECRET}\n`);
    chmodSync(path, 0o644);
    expect(loadOrCreateSecret({ dataDir })).toEqual({ secret: OTHER_SECRET, created: false, path });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses short secrets, configured or on disk, and keeps the file', () => {
    const dataDir = tempDir();
    expect(() => loadOrCreateSecret({ configured: 'too-short', dataDir })).toThrow(/32/);
    writeFileSync(join(dataDir, 'anon-secret'), 'short');
    expect(() => loadOrCreateSecret({ dataDir })).toThrow(/32/);
    expect(readFileSync(join(dataDir, 'anon-secret'), 'utf8')).toBe('short');
  });
});
