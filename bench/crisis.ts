import { performance } from 'node:perf_hooks';
import { detectCrisis } from '../src/features/crisis/detector.js';
import { corpus } from '../test/unit/crisis/corpus.js';
import { round, summarize, type Measurement } from './stats.js';

/** Messages per second per core and per-message p99, against the floor of just lower-casing the text. */
export function benchCrisis(): Measurement[] {
  const short = corpus.map((c) => c.text);
  const long: string[] = [];
  for (let i = 0; i < 50; i++) {
    let text = '';
    while (text.length < 4000) text += `${short[(i * 7 + text.length) % short.length]} `;
    long.push(text.slice(0, 4000));
  }
  const mixed = [...short, ...long];
  const run = (fn: (s: string) => unknown, texts: readonly string[], rounds: number) => {
    const start = performance.now();
    for (let r = 0; r < rounds; r++) for (const t of texts) fn(t);
    return (performance.now() - start) / 1000;
  };
  run(detectCrisis, mixed, 20); // warm up
  const rounds = 200;
  const scanSeconds = run(detectCrisis, mixed, rounds);
  const floorSeconds = run((s) => s.toLowerCase(), mixed, rounds);
  const perMessage: number[] = [];
  for (let r = 0; r < 40; r++) {
    for (const t of long) {
      const s = performance.now();
      detectCrisis(t);
      perMessage.push(performance.now() - s);
    }
  }
  const shortOnly: number[] = [];
  for (let r = 0; r < 20; r++) {
    for (const t of short) {
      const s = performance.now();
      detectCrisis(t);
      shortOnly.push(performance.now() - s);
    }
  }
  const throughput = (mixed.length * rounds) / scanSeconds;
  const longStats = summarize(perMessage);
  return [
    {
      section: 'crisis', name: 'mixed corpus (short lines + 4,000-char posts)', messages: mixed.length * rounds, msgsPerSecPerCore: Math.round(throughput),
      lowercaseMsgsPerSec: Math.round((mixed.length * rounds) / floorSeconds), ratioToLowercase: round(scanSeconds / floorSeconds, 1),
      target: '≥ 100k msgs/s/core', met: throughput >= 100_000,
    },
    { section: 'crisis', name: '4,000-char message', p50Ms: round(longStats.p50, 3), p99Ms: round(longStats.p99, 3), maxMs: round(longStats.max, 3), target: 'p99 ≤ 1 ms', met: longStats.p99 <= 1 },
    { section: 'crisis', name: 'short message', p50Ms: round(summarize(shortOnly).p50, 4), p99Ms: round(summarize(shortOnly).p99, 4), msgsPerSecPerCore: Math.round((short.length * rounds) / run(detectCrisis, short, rounds)) },
  ];
}
