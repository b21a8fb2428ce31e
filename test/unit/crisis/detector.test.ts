import { describe, expect, it } from 'vitest';
import { detectCrisis } from '../../../src/features/crisis/detector.js';
import { foldText as normalizeText } from '../../../src/features/crisis/fold.js';
import { corpus } from './corpus.js';

describe('crisis detector on the labelled corpus', () => {
  it('finds crisis messages (recall ≥ 0.95) and rarely fires on ordinary ones (≤ 3%)', () => {
    const crisis = corpus.filter((c) => c.expected !== 'none');
    const ordinary = corpus.filter((c) => c.expected === 'none');
    const missed = crisis.filter((c) => detectCrisis(c.text).level === 'none');
    const falseAlarms = ordinary.filter((c) => detectCrisis(c.text).level !== 'none');
    const recall = 1 - missed.length / crisis.length;
    const falseAlarmRate = falseAlarms.length / ordinary.length;
    console.log(`crisis corpus: ${corpus.length} lines · recall ${recall.toFixed(3)} (${crisis.length - missed.length}/${crisis.length}) · false alarms ${(falseAlarmRate * 100).toFixed(1)}% (${falseAlarms.length}/${ordinary.length})`);
    if (missed.length) console.log('missed:', missed.map((m) => m.text));
    if (falseAlarms.length) console.log('false alarms:', falseAlarms.map((m) => m.text));
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(falseAlarmRate).toBeLessThanOrEqual(0.03);
  });

  it('tells urgent from concern on most crisis lines', () => {
    const urgent = corpus.filter((c) => c.expected === 'urgent');
    const right = urgent.filter((c) => detectCrisis(c.text).level === 'urgent').length;
    console.log(`urgent classified as urgent: ${right}/${urgent.length}`);
    expect(right / urgent.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('how people actually write', () => {
  it('reads leetspeak, zero-width characters, full-width letters, stretched letters and missing apostrophes', () => {
    expect(normalizeText('I w4nt t0 d1e')).toBe('i want to die');
    expect(detectCrisis('k\u200bm\u200bs').level).toBe('concern');
    expect(detectCrisis('ｉ ｗａｎｔ ｔｏ ｄｉｅ').level).toBe('concern');
    expect(detectCrisis('i want to diiiiie').level).toBe('concern');
    expect(detectCrisis('i dont want to be alive').level).toBe('concern');
    expect(detectCrisis('i wаnt tо diе').level).toBe('concern'); // Cyrillic а, о, е
  });

  it('does not fire on negations, idioms, the past, or talk about the topic', () => {
    for (const text of ["I'm not suicidal, just tired", 'this commute is killing me', 'years ago I wanted to die', 'has anyone called 988?', 'ran 5 kms today']) {
      expect(detectCrisis(text)).toEqual({ level: 'none', matched: [] });
    }
  });

  it('keeps sentences apart: a negation in one does not hide the next', () => {
    expect(detectCrisis("I'm not joking. I want to die.").level).toBe('concern');
  });

  it('says what matched when it fires', () => {
    expect(detectCrisis('going to kill myself tonight').matched).toContain('going to kill myself');
  });

  it('stays linear on long and adversarial input', () => {
    const long = 'a'.repeat(4000);
    expect(detectCrisis(long).level).toBe('none');
    expect(detectCrisis(`${'want to '.repeat(500)}die`).level).toBe('concern');
  });
});
