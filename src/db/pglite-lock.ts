import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when another live process holds the embedded database directory. */
export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly pid: number) {
    super(
      `Another Haven process (pid ${pid}) is already using the embedded database in ${dir}. ` +
        'The embedded database allows one process per directory: stop the other one, use another DATA_DIR, ' +
        'or set DATABASE_URL to share a Postgres server.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Directories this process holds: a second open in the same process is refused too. */
const heldHere = new Set<string>();

/**
 * Takes `dir/haven.lock` holding this process's pid. A lock left by a dead process is taken over.
 * @returns a function that releases the lock.
 */
export function lockDataDir(dir: string, pid = process.pid): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'haven.lock');
  if (heldHere.has(path)) throw new DataDirLockedError(dir, pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(pid));
      closeSync(fd);
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        try {
          if (readFileSync(path, 'utf8').trim() === String(pid)) unlinkSync(path);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      // Our own pid in the file is a leftover of an earlier run (containers reuse pid 1).
      if (Number.isInteger(holder) && holder !== pid && isAlive(holder)) throw new DataDirLockedError(dir, holder);
      unlinkSync(path);
    }
  }
  throw new Error(`Could not take the lock in ${dir}`);
}
