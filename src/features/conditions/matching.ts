/** Finding the condition a member means from what they typed: names, aliases and typos. */

export interface ConditionEntry {
  id: string;
  name: string;
  aliases?: readonly string[];
}

/** Letters NFKD leaves whole but people type without the stroke or ligature. */
const FOLD: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', ı: 'i' };

/**
 * Lower-case, accents removed, apostrophes dropped, other punctuation and repeated spaces collapsed
 * to one space: "  Crohn’s   DISEASE " → "crohns disease", "ME/CFS" → "me cfs", "Ménière" → "meniere".
 */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœłđðþßı]/g, (c) => FOLD[c] ?? c)
    .replace(/['’ʼ‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Common names people type for frequent conditions, so "t1d" finds "Type 1 diabetes". Keys are condition names. */
export const builtinAliases: Record<string, string[]> = {
  'long covid': ['post-covid', 'post-covid syndrome', 'pasc', 'long haulers', 'long hauler', 'long-haul covid'],
  'breast cancer': ['bc'],
  'prostate cancer': ['pc'],
  'type 1 diabetes': ['t1d', 'type one diabetes', 'diabetes type 1', 'juvenile diabetes'],
  'type 2 diabetes': ['t2d', 'type two diabetes', 'diabetes type 2'],
  'multiple sclerosis': ['ms'],
  'chronic fatigue syndrome': ['me/cfs', 'cfs', 'me', 'myalgic encephalomyelitis'],
  caregivers: ['carers', 'caregiver', 'carer', 'caregiving', 'caring for someone'],
  depression: ['depressed', 'low mood', 'mdd'],
  anxiety: ['anxious', 'panic', 'gad', 'panic attacks'],
  'bipolar disorder': ['bipolar', 'manic depression'],
  ptsd: ['post-traumatic stress', 'post traumatic stress disorder', 'cptsd', 'c-ptsd', 'trauma'],
  grief: ['bereavement', 'grieving', 'loss'],
  "crohn's disease": ['crohns', 'ibd'],
  'ulcerative colitis': ['uc', 'ibd'],
  'rheumatoid arthritis': ['ra'],
  adhd: ['add', 'attention deficit'],
  autism: ['asd', 'autistic', 'asperger'],
  'eating disorders': ['ed', 'anorexia', 'bulimia'],
};

const aliasIndex = new Map(Object.entries(builtinAliases).map(([name, aliases]) => [normalizeName(name), aliases]));

/** The built-in aliases for a condition name (case, accents and punctuation don't matter); [] when none. */
export function aliasesFor(name: string): string[] {
  return [...(aliasIndex.get(normalizeName(name)) ?? [])];
}

/** Damerau-Levenshtein (optimal string alignment) distance; any answer above `max` is reported as `max + 1`. */
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
  return Math.min(prev[b.length]!, max + 1);
}

/** Typos allowed in a word of this length: none up to 3 letters, then one per four letters, at most 3. */
const tolerance = (word: string): number => (word.length <= 3 ? 0 : Math.min(3, Math.floor(word.length / 4)));

/** Match tiers, best first; typo matches score TYPO + edits (+ small penalties). */
const EXACT = 0;
const PREFIX = 1;
const WORD_PREFIX = 2;
const SUBSTRING = 3;
const TYPO = 4;

interface Match {
  /** Lower is better. */
  readonly score: number;
  /** For typo matches: edits needed, and whether every word of the name was typed in full (only then can a typo resolve). */
  readonly edits: number;
  readonly complete: boolean;
}

const digitsOf = (s: string): string[] => s.match(/\d+/g) ?? [];

/** Typo match of `query` against `candidate` (both normalized, no other tier matched), or undefined. */
function typoMatch(candidate: string, query: string): Match | undefined {
  // A different number is a different condition: "type 1" never becomes "type 2".
  const candidateDigits = digitsOf(candidate);
  if (!digitsOf(query).every((d) => candidateDigits.includes(d))) return undefined;
  const words = candidate.split(' ');
  const typed = query.split(' ');
  let best: Match | undefined;
  // Every typed word close to some word of the name (or to its start, while still typing).
  let edits = 0;
  let partial = false;
  const covered = new Set<number>();
  for (const t of typed) {
    const limit = tolerance(t);
    let cost = limit + 1;
    let target = -1;
    let isPartial = false;
    words.forEach((w, i) => {
      const full = editDistance(t, w, limit);
      if (full < cost) [cost, target, isPartial] = [full, i, false];
      if (t.length < w.length) {
        const start = editDistance(t, w.slice(0, t.length), limit) + 0.5;
        if (start < cost) [cost, target, isPartial] = [start, i, true];
      }
    });
    if (cost > limit) {
      edits = Infinity;
      break;
    }
    edits += cost;
    partial ||= isPartial;
    if (!isPartial) covered.add(target);
  }
  if (edits !== Infinity) {
    const uncovered = words.length - covered.size;
    // Names with words the member didn't type come later: "brest cancer" is "Breast cancer" before "Metastatic breast cancer".
    best = { score: TYPO + edits + 0.1 * uncovered, edits, complete: uncovered === 0 && !partial };
  }
  // Spaces missed or added: "longcovid", "breastcancer".
  const q = query.replaceAll(' ', '');
  const c = candidate.replaceAll(' ', '');
  const limit = tolerance(q);
  const whole = editDistance(q, c, limit);
  const start = q.length >= 4 && q.length < c.length ? editDistance(q, c.slice(0, q.length), limit) + 0.5 : limit + 1;
  const glued: Match | undefined =
    whole <= limit ? { score: TYPO + whole + 0.05, edits: whole, complete: true } : start <= limit ? { score: TYPO + start + 0.05, edits: start, complete: false } : undefined;
  if (glued && (!best || glued.score < best.score)) best = glued;
  return best;
}

/** How well `query` matches `candidate` (both normalized), or undefined for no match. */
function match(candidate: string, query: string): Match | undefined {
  const tier = (score: number): Match => ({ score, edits: 0, complete: score === EXACT });
  if (candidate === query) return tier(EXACT);
  if (candidate.startsWith(query)) return tier(PREFIX);
  if (candidate.split(' ').some((w) => w.startsWith(query))) return tier(WORD_PREFIX);
  if (candidate.includes(query)) return tier(SUBSTRING);
  return typoMatch(candidate, query);
}

interface Scored<T> {
  readonly entry: T;
  readonly score: number;
  /** Fewest edits of any matching form, and of any form typed in full (Infinity when none). */
  readonly edits: number;
  readonly completeEdits: number;
}

function scoreEntry<T extends ConditionEntry>(entry: T, query: string): Scored<T> | undefined {
  const forms = new Set([entry.name, ...(entry.aliases ?? []), ...aliasesFor(entry.name)].map(normalizeName));
  let result: Scored<T> | undefined;
  for (const form of forms) {
    if (!form) continue;
    const m = match(form, query);
    if (!m) continue;
    result = {
      entry,
      score: Math.min(result?.score ?? Infinity, m.score),
      edits: Math.min(result?.edits ?? Infinity, m.edits),
      completeEdits: Math.min(result?.completeEdits ?? Infinity, m.complete ? m.edits : Infinity),
    };
  }
  return result;
}

const byName = (a: ConditionEntry, b: ConditionEntry): number =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true }) || a.id.localeCompare(b.id);

function scored<T extends ConditionEntry>(entries: readonly T[], query: string): Scored<T>[] {
  return entries
    .flatMap((entry) => scoreEntry(entry, query) ?? [])
    .sort((a, b) => a.score - b.score || byName(a.entry, b.entry));
}

/**
 * Autocomplete order: exact name or alias, prefix, word prefix, substring, then typo matches;
 * ties by name. An empty query lists everything by name. Never more than `limit` (Discord shows 25).
 */
export function rankConditions<T extends ConditionEntry>(entries: readonly T[], query: string, limit = 25): T[] {
  const max = Math.max(0, Math.floor(limit));
  const q = normalizeName(query);
  if (!q) return [...entries].sort(byName).slice(0, max);
  return scored(entries, q)
    .slice(0, max)
    .map(({ entry }) => entry);
}

/**
 * The one condition the input names: its id (the autocomplete value), its exact name or an alias
 * (case, accents and punctuation ignored), or a single clear typo winner. Otherwise up to 3 suggestions,
 * best first ([] when nothing is close).
 */
export function resolveCondition<T extends ConditionEntry>(entries: readonly T[], input: string): { match: T } | { suggestions: T[] } {
  const byId = entries.find((e) => e.id === input.trim());
  if (byId) return { match: byId };
  const q = normalizeName(input);
  if (!q) return { suggestions: [] };
  const ranked = scored(entries, q);
  const exact = ranked.filter((r) => r.score === EXACT);
  const first = ranked[0];
  if (exact.length === 1 && first) return { match: first.entry };
  // A typo resolves only when nothing matched the text as typed, the winner's every word was typed
  // (nearly) in full, and no other condition is as close: "brest cancer" → Breast cancer, "diabetis" → ask.
  if (exact.length === 0 && first && first.score >= TYPO) {
    const best = Math.min(...ranked.map((r) => r.completeEdits));
    const winners = ranked.filter((r) => r.completeEdits === best);
    const [winner] = winners;
    if (winner && best !== Infinity && winners.length === 1 && ranked.every((r) => r === winner || r.edits >= best)) return { match: winner.entry };
  }
  return { suggestions: ranked.slice(0, 3).map((r) => r.entry) };
}
