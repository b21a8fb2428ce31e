import { hkdfSync } from 'node:crypto';

/** The three independent keys derived from the server's anonymous-posting secret. None is ever stored. */
export interface AnonKeys {
  /** HMAC key: pseudonyms (names shown on posts). */
  pseudonymKey: Buffer;
  /** AES-256-GCM key: the sealed author of each post. */
  sealKey: Buffer;
  /** HMAC key: the keyed author hash used for blocks and rate limits. */
  blockKey: Buffer;
}

export const MIN_SECRET_LENGTH = 32;

const SALT = 'haven/anonymous';

function derive(secret: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, SALT, info, 32));
}

/**
 * Derives separate keys for each purpose with HKDF-SHA256 (distinct `info` labels), so a key
 * used for one job reveals nothing about the others.
 */
export function deriveKeys(secret: string): AnonKeys {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`The anonymous-posting secret must be at least ${MIN_SECRET_LENGTH} characters.`);
  }
  return {
    pseudonymKey: derive(secret, 'haven/pseudonym/v1'),
    sealKey: derive(secret, 'haven/seal/v1'),
    blockKey: derive(secret, 'haven/block/v1'),
  };
}
