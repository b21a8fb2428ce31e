/** Rules for what admins may call a condition; names become Discord role and channel names. */

export const NAME_MAX = 50;
export const DESCRIPTION_MAX = 200;
/** Discord's limit for channel (and role) names. */
export const CHANNEL_NAME_MAX = 100;


/** Length in characters as people count them (an emoji is one, not two UTF-16 units). */
const length = (s: string): number => [...s].length;

/** A problem with a condition name, in words for the admin, or undefined when it is fine. */
export function validateConditionName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'Give the condition a name, e.g. “Breast cancer”.';
  if (length(trimmed) > NAME_MAX) return `Keep the name to ${NAME_MAX} characters or fewer (it becomes a channel and role name).`;
  if (/[@#]/.test(trimmed)) return 'Names can’t contain @ or # (Discord would read them as mentions).';
  if (/[`\p{Cc}]/u.test(trimmed)) return 'Names can’t contain backticks or line breaks.';
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return 'The name needs at least one letter or number (symbols or formatting alone would show as an empty name).';
  return undefined;
}

/** A problem with a condition description, or undefined when it is fine. */
export function validateDescription(description: string): string | undefined {
  const trimmed = description.trim();
  if (trimmed.length === 0) return 'Add a one-line description members see before joining.';
  if (length(trimmed) > DESCRIPTION_MAX) return `Keep the description to ${DESCRIPTION_MAX} characters or fewer.`;
  return undefined;
}

/**
 * The Discord text channel name for a condition: lower case, accents dropped, dashes for spaces and
 * punctuation, at most 100 characters; "condition" when nothing usable is left (e.g. only emoji).
 */
export function channelNameFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʼ‘]/g, '')
    .replace(/[^\p{L}\p{N}_]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...slug].slice(0, CHANNEL_NAME_MAX).join('').replace(/-+$/, '');
  return cut || 'condition';
}
