import type { Case } from './store.js';

export interface CaseStats {
  opened: number;
  claimed: number;
  resolved: number;
  medianToClaimMs: number | null;
  medianToResolveMs: number | null;
  perModerator: { moderatorId: string; claimed: number; resolved: number }[];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** What moderators of modmail bots keep asking for: volume, time to claim and resolve, who carried it. */
export function caseStats(rows: readonly Case[]): CaseStats {
  const claimed = rows.filter((c) => c.claimedAt);
  const resolved = rows.filter((c) => c.resolvedAt);
  const per = new Map<string, { claimed: number; resolved: number }>();
  for (const c of claimed) {
    const entry = per.get(c.claimedBy!) ?? { claimed: 0, resolved: 0 };
    entry.claimed++;
    per.set(c.claimedBy!, entry);
  }
  for (const c of resolved) {
    const entry = per.get(c.resolvedBy!) ?? { claimed: 0, resolved: 0 };
    entry.resolved++;
    per.set(c.resolvedBy!, entry);
  }
  return {
    opened: rows.length,
    claimed: claimed.length,
    resolved: resolved.length,
    medianToClaimMs: median(claimed.map((c) => c.claimedAt!.getTime() - c.createdAt.getTime())),
    medianToResolveMs: median(resolved.map((c) => c.resolvedAt!.getTime() - c.createdAt.getTime())),
    perModerator: [...per.entries()].map(([moderatorId, v]) => ({ moderatorId, ...v })).sort((a, b) => b.resolved - a.resolved || b.claimed - a.claimed),
  };
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = minutes / 60;
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} days`;
}
