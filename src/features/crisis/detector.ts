import { foldText as normalizeText } from './fold.js';

const normalizePhrase = normalizeText;

export type CrisisLevel = 'none' | 'concern' | 'urgent';

export interface CrisisResult {
  level: CrisisLevel;
  /** The phrases that matched, in their plain form (for moderators and /crisis test, never for the member). */
  matched: string[];
}

/**
 * Urgent: a plan, a time, means at hand, a goodbye, or a medical emergency happening now.
 * Phrases are plain English; `{me}` and other slots expand to alternatives. All are folded the same
 * way as the text (see normalize.ts), so spelling tricks are handled once, there.
 */
const urgentPhrases = [
  '{act} tonight', 'tonight is the night', 'going to {end}', 'gonna {end}', 'about to {end}', 'about to jump off', 'i will {act} today', 'i am going to {act} today',
  'i have a plan to {end}', 'i have a plan to die', 'i have made a plan', 'wrote my suicide note', 'wrote a suicide note', 'my goodbye letter', 'this is goodbye',
  'goodbye forever', 'final goodbye', 'wont be here tomorrow', 'by the time you read this', 'have the pills ready', 'have the rope', 'have a gun', 'bought a gun',
  'took all my pills', 'took all the pills', 'took all my meds', 'took too many pills', 'took too many tablets', 'took a whole bottle', 'swallowed a bottle', 'i overdosed', 'just overdosed',
  'cut too deep', 'cant stop the bleeding', 'bleeding and it wont stop', 'standing on the bridge', 'standing on the ledge', 'on the roof and', 'chest pain and cant breathe',
  'chest pain and i cant breathe', 'think im having a heart attack', 'think im having a stroke', 'cant breathe and my chest',
];

/** Concern: thoughts of dying, self-harm, hopelessness. */
const concernPhrases = [
  'want to die', 'wanna die', 'want to be dead', 'wish i was dead', 'wish i were dead', 'wish i wasnt alive', 'wish i could die', 'ready to die',
  '{end}', 'unaliving myself', 'unalive me', 'sewerslide', 'suicidal', 'thinking about suicide', 'thoughts of suicide', 'suicide is the only',
  'dont want to live', 'dont want to be alive', 'dont want to be here anymore', 'dont want to wake up', 'no reason to live', 'nothing to live for', 'not worth living', 'isnt worth living',
  'better off without me', 'better off dead', 'better off if i was gone', 'want to disappear forever', 'hurt myself', 'harm myself', 'cut myself', 'cutting myself', 'self harm', 'selfharm',
  'cant go on', 'cant do this anymore', 'cant take it anymore', 'no way out', 'no way out of this', 'give up on life', 'giving up on life', 'want it all to end', 'want it to be over', 'want to sleep forever',
];

const strong = ['kill myself', 'end it all', 'end my life', 'take my life', 'take my own life', 'unalive myself', 'kms'];
const slots: Readonly<Record<string, readonly string[]>> = {
  /** Unambiguous on their own. */
  end: strong,
  /** Ambiguous alone ("end it with my ex", "jump in the pool"): only with a time or a plan. */
  act: [...strong, 'end it', 'do it', 'jump'],
};

function expand(phrase: string): string[] {
  const slot = /\{(\w+)\}/.exec(phrase);
  if (!slot) return [phrase];
  return (slots[slot[1]!] ?? []).flatMap((v) => expand(phrase.replace(slot[0], v)));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Compiled {
  regex: RegExp;
  /** Folded phrase → its plain form and its level. */
  phrases: Map<string, { label: string; level: 'urgent' | 'concern' }>;
}

/** One alternation of every phrase, longest first ("end it all" before "end it"): one pass per sentence. */
function compile(levels: { urgent: readonly string[]; concern: readonly string[] }): Compiled {
  const phrases = new Map<string, { label: string; level: 'urgent' | 'concern' }>();
  for (const level of ['concern', 'urgent'] as const) for (const p of levels[level]) for (const e of expand(p)) phrases.set(normalizePhrase(e), { label: e, level });
  const alternatives = [...phrases.keys()].sort((a, b) => b.length - a.length).map(escape);
  return { regex: new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})(?![a-z0-9])`, 'g'), phrases };
}

const compiled = compile({ urgent: urgentPhrases, concern: concernPhrases });

/** Words folded like the text, as one alternation. */
function words(list: readonly string[]): string {
  return list.map((w) => escape(normalizePhrase(w))).join('|');
}

/** A negation just before the phrase: "I'm not suicidal", "never wanted to die", "I don't want to die". */
const negation = new RegExp(`(?:^| )(?:${words(['not', 'never', 'no longer', 'dont', 'didnt', 'wont', 'wouldnt', 'isnt', 'arent', 'nothing like'])})(?: [a-z]+){0,2} $`);
/** Someone else is the subject: "my brother was suicidal", "someone who says they want to die". */
const others = new RegExp(`(?:^| )(?:${words(['he', 'she', 'they', 'someone', 'people', 'my brother', 'my sister', 'my friend', 'my mom', 'my mum', 'my dad', 'my husband', 'my wife', 'my son', 'my daughter', 'my partner', 'my aunt', 'my uncle'])})(?: [a-z]+){0,3} $`);
/** The phrase is about the past and recovery: "years ago I wanted to die", "I used to self harm". */
const past = new RegExp(`(?:^| )(?:${words(['used to', 'years ago', 'months ago', 'back when', 'back then', 'when i was', 'in the past', 'i survived', 'recovered', 'recovery', 'clean for', 'since then', 'last year'])})(?: |$)`);
/** Talk about the topic, not from inside it: side-effect lists, hotlines, awareness walks, books. */
const meta = new RegExp(`(?:^| )(?:${words(['side effect', 'side effects', 'warning signs', 'warning sign', 'hotline', 'helpline', 'lifeline', '988', 'article', 'study', 'awareness', 'prevention', 'lyrics', 'song', 'movie', 'book', 'character', 'training'])})(?: |$)`);
/** "5 kms", "kms on my app": a distance. */
const distance = new RegExp(`(?:^| )\\d+ $|(?:^| )(?:${words(['app', 'run', 'ran', 'walk', 'walked', 'miles', 'km', 'bike'])})(?: |$)`);
/** What follows turns a hopeless phrase into an ordinary one: "no way out of the car park", "die my hair". */
const ordinaryTail = new RegExp(`^ (?:${words(['the', 'of', 'with', 'because', 'at', 'for', 'on', 'in', 'to my', 'my hair', 'her hair', 'it purple'])})(?: |$)`);
const tailSensitive = new Set(['cant go on', 'no way out', 'cant take it anymore', 'cant do this anymore', 'want to die', 'this is goodbye'].map(normalizePhrase));

/** Sentences, so a negation or a past marker in one sentence does not hide the next. */
function sentences(text: string): string[] {
  return text.split(/[.!?\n;]+/);
}

/** The highest level a sentence reaches, after the guards; what matched goes into `found`. */
function scan(sentence: string, found: string[]): CrisisLevel {
  let level: CrisisLevel = 'none';
  const { regex, phrases } = compiled;
  regex.lastIndex = 0;
  for (let m = regex.exec(sentence); m; m = regex.exec(sentence)) {
    const before = sentence.slice(Math.max(0, m.index - 40), m.index);
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (negation.test(before) || others.test(before) || past.test(sentence) || meta.test(sentence)) continue;
    if (tailSensitive.has(m[0]) && ordinaryTail.test(after)) continue;
    if (m[0] === 'kms' && distance.test(sentence.slice(0, m.index) + ' ' + after)) continue;
    const phrase = phrases.get(m[0]);
    found.push(phrase?.label ?? m[0]);
    if (phrase?.level === 'urgent') level = 'urgent';
    else if (level === 'none') level = 'concern';
  }
  return level;
}

/** Local, synchronous, linear-time: no network, no database. */
export function detectCrisis(text: string): CrisisResult {
  const matched: string[] = [];
  let level: CrisisLevel = 'none';
  for (const raw of sentences(text)) {
    const sentence = normalizeText(raw);
    if (!sentence) continue;
    const found = scan(sentence, matched);
    if (found === 'urgent') level = 'urgent';
    else if (found === 'concern' && level === 'none') level = 'concern';
  }
  return { level, matched: [...new Set(matched)] };
}
