/**
 * Text as the detector reads it: lower case, compatibility forms folded (full-width → ASCII),
 * invisible characters dropped, look-alike letters and leetspeak mapped, apostrophes removed,
 * every run of a repeated letter collapsed to one ("diiiie", "kill" → "die", "kil"), and anything
 * else that is not a letter or digit turned into a single space. One pass, linear in the length.
 * Patterns are folded the same way, so they are written in plain English.
 */

const invisible = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff]/g;

/** Cyrillic and Greek letters that look like Latin ones. */
const confusables: Readonly<Record<string, string>> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ї: 'i', ј: 'j', ѕ: 's', к: 'k', м: 'm', т: 't', в: 'b', н: 'h', ԁ: 'd', ɡ: 'g', һ: 'h', ӏ: 'l',
  α: 'a', ε: 'e', ο: 'o', ρ: 'p', ι: 'i', κ: 'k', ν: 'v', τ: 't', υ: 'u', χ: 'x',
};

/** Digits and symbols used as letters, applied only inside words that also have letters. */
const leet: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

const isLetter = (c: string): boolean => c >= 'a' && c <= 'z';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

export function foldText(input: string): string {
  const folded = input.normalize('NFKC').toLowerCase().replace(invisible, '').replace(/[’'`´‘]/g, '');
  const out: string[] = [];
  let token = '';
  const flush = (): void => {
    // Symbols at the edges are punctuation ("die!!", "@everyone"), not letters.
    token = token.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
    if (!token) return;
    let hasLetter = false;
    for (const c of token) if (isLetter(c)) hasLetter = true;
    let word = '';
    for (const c of token) {
      const mapped = hasLetter && !isLetter(c) ? (leet[c] ?? c) : c;
      if (mapped !== word.at(-1) || !isLetter(mapped)) word += mapped;
    }
    out.push(word);
    token = '';
  };
  for (const raw of folded) {
    const c = raw < '\u0080' ? raw : (confusables[raw] ?? raw.normalize('NFD')[0] ?? raw);
    if (isLetter(c) || isDigit(c) || c in leet) token += c;
    else flush();
  }
  flush();
  return out.join(' ');
}
