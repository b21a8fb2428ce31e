/** Rules for an anonymous post, before anything is sent. */

export const MAX_LENGTH = 2000;

export function hasLink(text: string): boolean {
  return /\bhttps?:\/\/|discord\.gg\/|\bwww\.[a-z0-9-]+\.[a-z]{2,}/i.test(text);
}

/** A problem with the text, in words for the author, or undefined when it can be posted. */
export function postProblem(text: string, options: { allowLinks: boolean }): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return 'Your post is empty. Write something, then send it again.';
  if (trimmed.length > MAX_LENGTH) return `Anonymous posts can be at most ${MAX_LENGTH} characters (yours has ${trimmed.length}). Try splitting it in two.`;
  if (!options.allowLinks && hasLink(trimmed)) return 'Links are turned off for anonymous posts in this channel. Remove the link and send it again.';
  return undefined;
}

export function rateLimitText(limit: number, windowMinutes: number): string {
  return `You can post anonymously ${limit} times every ${windowMinutes} minutes here. Please wait a little and try again: this keeps the channel calm for everyone.`;
}

export const blockedText = 'Anonymous posting is turned off for you on this server by the moderators. You can still post under your name, or reach them privately with `/help-me`.';

export function revealPolicyText(revealEnabled: boolean): string {
  return revealEnabled
    ? 'On this server an admin may reveal who wrote a post in serious cases; every reveal is recorded and announced to the moderators.'
    : 'On this server nobody can see who wrote an anonymous post, not even the admins. Moderators can still remove posts and stop abuse.';
}

/**
 * What a pseudonym is stable within: the thread (or channel), and with rotation also the day or
 * the ISO week, so long-running threads can't be followed across days when admins prefer that.
 */
export function pseudonymScope(place: string, rotation: 'never' | 'daily' | 'weekly', now: Date): string {
  if (rotation === 'never') return place;
  const day = now.toISOString().slice(0, 10);
  if (rotation === 'daily') return `${place}:${day}`;
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7)));
  return `${place}:w${monday.toISOString().slice(0, 10)}`;
}
