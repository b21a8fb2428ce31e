import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { AnonKeys } from './keys.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts a post's author id with AES-256-GCM under the seal key, bound to `context` (the post or
 * guild id) as additional data, so a sealed value copied to another post does not open there.
 * Output: `v1.<iv>.<ciphertext>.<tag>`, each part base64url. A fresh random IV each time, so two
 * seals of the same author cannot be matched.
 */
export function sealAuthor(keys: AnonKeys, authorId: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.sealKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(authorId, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), ciphertext.toString('base64url'), tag.toString('base64url')].join('.');
}

/** Decrypts a sealed author. Throws if the value was altered, sealed for another context, or under another secret. */
export function openAuthor(keys: AnonKeys, sealed: string, context: string): string {
  const parts = sealed.split('.');
  const [version, ivText, ciphertextText, tagText] = parts;
  if (parts.length !== 4 || version !== VERSION || ivText === undefined || ciphertextText === undefined || tagText === undefined) {
    throw new Error('Not a sealed author value.');
  }
  const iv = Buffer.from(ivText, 'base64url');
  const ciphertext = Buffer.from(ciphertextText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  // Exact lengths: GCM would otherwise accept a truncated tag, which is easier to forge.
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES || ciphertext.length === 0) {
    throw new Error('Not a sealed author value.');
  }
  const decipher = createDecipheriv('aes-256-gcm', keys.sealKey, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('The sealed author could not be opened (altered, wrong post, or different secret).');
  }
}

/**
 * A keyed hash (HMAC-SHA256, hex) of the author within one guild: the database key for blocks and
 * rate limits. Stable, so it matches without decrypting anything; useless without the secret.
 */
export function blockKeyFor(keys: AnonKeys, guildId: string, authorId: string): string {
  return createHmac('sha256', keys.blockKey).update(`${guildId}:${authorId}`).digest('hex');
}
