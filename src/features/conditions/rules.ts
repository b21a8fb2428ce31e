/** Rules for what admins may call a condition; names become Discord role and channel names. */

export const NAME_MAX = 50;
export const DESCRIPTION_MAX = 200;

/** A problem with a condition name, in words for the admin, or undefined when it is fine. */
export function validateConditionName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'Give the condition a name, e.g. “Breast cancer”.';
  if (trimmed.length > NAME_MAX) return `Keep the name to ${NAME_MAX} characters or fewer (it becomes a channel and role name).`;
  if (/[@#:`]/.test(trimmed) || /<[@#&:]/.test(trimmed)) return 'Names can’t contain @, #, : or backticks (Discord would read them as mentions or formatting).';
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return 'The name needs at least one letter or number.';
  return undefined;
}

export function validateDescription(description: string): string | undefined {
  const trimmed = description.trim();
  if (trimmed.length === 0) return 'Add a one-line description members see before joining.';
  if (trimmed.length > DESCRIPTION_MAX) return `Keep the description to ${DESCRIPTION_MAX} characters or fewer.`;
  return undefined;
}

/** Discord text channel name: lower case, dashes for spaces, no punctuation, at most 100 characters. */
export function channelNameFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return slug || 'condition';
}
