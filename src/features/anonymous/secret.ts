import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_SECRET_LENGTH } from './keys.js';

export const SECRET_FILE_NAME = 'anon-secret';

export interface LoadedSecret {
  secret: string;
  /** True when this call generated the secret (the caller should log it, without the value). */
  created: boolean;
  /** The file the secret was read from or written to; absent when it came from configuration. */
  path?: string;
}

/**
 * The configured secret wins; otherwise `<dataDir>/anon-secret` is read, or generated (48 random
 * bytes, base64url) with 0600 permissions on first start. A file readable by others is tightened to 0600.
 * An existing but unusable file is refused rather than replaced: replacing it would make every
 * sealed author unreadable and every block stop matching.
 */
export function loadOrCreateSecret(opts: { configured?: string; dataDir: string }): LoadedSecret {
  const configured = opts.configured?.trim();
  if (configured) {
    assertLongEnough(configured, 'ANON_SECRET');
    return { secret: configured, created: false };
  }

  const path = join(opts.dataDir, SECRET_FILE_NAME);
  const existing = readExisting(path);
  if (existing !== undefined) return { secret: existing, created: false, path };

  mkdirSync(opts.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    // 'wx': never overwrite a secret another process wrote in the meantime.
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      const raced = readExisting(path);
      if (raced !== undefined) return { secret: raced, created: false, path };
    }
    throw error;
  }
  chmodSync(path, 0o600); // the umask cannot widen it, but be explicit
  return { secret, created: true, path };
}

function readExisting(path: string): string | undefined {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if ((mode & 0o077) !== 0) chmodSync(path, 0o600);
  const secret = readFileSync(path, 'utf8').trim();
  assertLongEnough(secret, path);
  return secret;
}

function assertLongEnough(secret: string, source: string): void {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`The anonymous-posting secret from ${source} must be at least ${MIN_SECRET_LENGTH} characters.`);
  }
}
