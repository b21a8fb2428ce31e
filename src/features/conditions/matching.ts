/** Finding the condition a member means, from what they typed: names, aliases and typos. */

export interface ConditionEntry {
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
}

/** Lower-case, accents removed, punctuation and repeated spaces collapsed: "Crohn’s  Disease" → "crohn s disease". */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Common names people type for frequent conditions, so "t1d" finds "Type 1 diabetes". */
export const builtinAliases: Readonly<Record<string, readonly string[]>> = {
  'long covid': ['post covid', 'pasc', 'long haulers', 'long hauler', 'post covid syndrome'],
  'breast cancer': ['bc', 'breast ca'],
  'type 1 diabetes': ['t1d', 'type one diabetes', 'diabetes type 1', 't1'],
  'type 2 diabetes': ['t2d', 'type two diabetes', 'diabetes type 2', 't2'],
  'multiple sclerosis': ['ms'],
  'chronic fatigue syndrome': ['me cfs', 'cfs', 'me', 'myalgic encephalomyelitis'],
  caregivers: ['carers', 'caregiver', 'carer', 'caregiving'],
  depression: ['low mood', 'depressed'],
  anxiety: ['panic', 'anxious'],
  'bipolar disorder': ['bipolar', 'bp'],
  ptsd: ['post traumatic stress', 'trauma', 'cptsd'],
  grief: ['bereavement', 'loss', 'grieving'],
  'prostate cancer': ['pc'],
  'lung cancer': [],
  'crohn s disease': ['crohns', 'ibd'],
  'rheumatoid arthritis': ['ra'],
};

export function aliasesFor(name: string): readonly string[] {
  return builtinAliases[normalizeName(name)] ?? [];
}

/** Damerau-Levenshtein (optimal string alignment) distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Typos allowed for a word of this length: none for short words, then one per four letters, at most 3. */
const tolerance = (word: string): number => (word.length <= 3 ? 0 : Math.min(3, Math.floor(word.length / 4)));

/** How well `query` matches `candidate` (both normalized): lower is better, undefined is no match. */
function score(candidate: string, query: string): number | undefined {
  if (candidate === query) return 0;
  if (candidate.startsWith(query)) return 1;
  const words = candidate.split(' ');
  if (words.some((w) => w.startsWith(query))) return 2;
  if (candidate.includes(query)) return 3;
  // Typos: every typed word must be close to some word of the name (or its prefix while typing).
  const typed = query.split(' ');
  let total = 0;
  for (const t of typed) {
    let best = Infinity;
    for (const w of words) {
      const limit = tolerance(t);
      best = Math.min(best, editDistance(t, w, limit), editDistance(t, w.slice(0, t.length), limit) + 0.5);
    }
    if (best > tolerance(t)) return undefined;
    total += best;
  }
  // Prefer names with fewer extra words: "brest cancer" is "Breast cancer" before "Metastatic breast cancer".
  return 4 + total + 0.1 * Math.max(0, words.length - typed.length);
}

function bestScore(entry: ConditionEntry, query: string): number | undefined {
  const names = [entry.name, ...(entry.aliases ?? []), ...aliasesFor(entry.name)].map(normalizeName);
  let best: number | undefined;
  for (const n of names) {
    const s = score(n, query);
    if (s !== undefined && (best === undefined || s < best)) best = s;
  }
  return best;
}

/** Autocomplete order: exact, prefix, word prefix, substring, then typo matches; at most `limit` (Discord: 25). */
export function rankConditions<T extends ConditionEntry>(entries: readonly T[], query: string, limit = 25): T[] {
  const q = normalizeName(query);
  const byName = (a: T, b: T) => normalizeName(a.name).localeCompare(normalizeName(b.name));
  if (!q) return [...entries].sort(byName).slice(0, limit);
  return entries
    .flatMap((e) => {
      const s = bestScore(e, q);
      return s === undefined ? [] : [{ e, s }];
    })
    .sort((a, b) => a.s - b.s || byName(a.e, b.e))
    .slice(0, limit)
    .map(({ e }) => e);
}

/** The one condition the input names (id, exact name or alias, or a single clear best match), else suggestions. */
export function resolveCondition<T extends ConditionEntry>(entries: readonly T[], input: string): { match: T } | { suggestions: T[] } {
  const byId = entries.find((e) => e.id === input);
  if (byId) return { match: byId };
  const q = normalizeName(input);
  const ranked = entries.flatMap((e) => {
    const s = bestScore(e, q);
    return s === undefined ? [] : [{ e, s }];
  }).sort((a, b) => a.s - b.s);
  const [first, second] = ranked;
  if (first && first.s === 0 && second?.s !== 0) return { match: first.e };
  if (first && (!second || second.s > first.s) && first.s !== 3) return { match: first.e };
  return { suggestions: ranked.slice(0, 3).map((r) => r.e) };
}
