import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { benchCrisis } from './crisis.js';
import { benchInteractions } from './interactions.js';
import { benchMemory } from './memory.js';
import { benchScheduler } from './scheduler.js';
import type { Measurement } from './stats.js';

/**
 * `npm run bench`: every figure in one run, so ratios compare like with like on a noisy machine.
 * Prints a table and writes bench-results.json. Targets are reported, never asserted.
 */
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 1024 ** 3), node: process.version, date: new Date().toISOString() };
  log(`Haven benchmarks on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}`);
  const results: Measurement[] = [];
  const sections: [string, () => Promise<Measurement[]> | Measurement[]][] = [
    ['crisis scan', () => benchCrisis()],
    ['interactions', () => benchInteractions(log)],
    ['scheduler', () => benchScheduler(log)],
    ['memory', () => benchMemory(log)],
  ];
  const only = process.env.BENCH_ONLY?.split(',');
  for (const [name, run] of sections) {
    if (only && !only.some((o) => name.startsWith(o))) continue;
    log(`\n▶ ${name}`);
    const t0 = Date.now();
    try {
      results.push(...(await run()));
    } catch (error) {
      results.push({ section: name, name: 'failed', error: error instanceof Error ? error.message : String(error) });
      log(`  ✗ ${name} failed: ${String(error)}`);
    }
    log(`  (${Math.round((Date.now() - t0) / 1000)} s)`);
  }
  log('\n' + table(results));
  writeFileSync('bench-results.json', JSON.stringify({ machine, seconds: Math.round((Date.now() - started) / 1000), results }, null, 2));
  log(`\nWrote bench-results.json (${Math.round((Date.now() - started) / 1000)} s in all).`);
}

function table(results: readonly Measurement[]): string {
  return results
    .map((r) => {
      const { section, name, ...figures } = r;
      const mark = figures.met === true ? '✓' : figures.met === false ? '✗ target missed' : '';
      const text = Object.entries(figures).filter(([k]) => k !== 'met').map(([k, v]) => `${k}=${v}`).join('  ');
      return `${section.padEnd(13)} ${name}\n${' '.repeat(14)}${text} ${mark}`;
    })
    .join('\n');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${String(error)}\n`);
    process.exit(1);
  },
);
