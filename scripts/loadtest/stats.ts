// Latency and outcome bookkeeping for the load test: exact percentiles from every sample (bounded by the
// run's length, so memory stays small), errors counted by status.
export class Stats {
  private readonly latencies: number[] = [];
  /** When each sample finished (ms since the epoch), for the steady-state percentile after the ramp. */
  private readonly finishedAt: number[] = [];
  private readonly labels: string[] = [];
  readonly statuses = new Map<string, number>();
  attemptsAcknowledged = 0;
  readonly acknowledgedIds = new Set<string>();

  record(label: string, status: number | "network", ms: number): void {
    this.latencies.push(ms);
    this.finishedAt.push(Date.now());
    this.labels.push(label);
    const key = `${label} ${status}`;
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
  }

  get requests(): number {
    return this.latencies.length;
  }

  /** p50 / p95 per route label ("page", "attempt", "signup", …): which requests make the tail. */
  byRoute(): string {
    const out: string[] = [];
    for (const label of [...new Set(this.labels)].sort()) {
      const sorted = this.latencies.filter((_, i) => this.labels[i] === label).sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
      out.push(`${label} ${at(50).toFixed(0)} / ${at(95).toFixed(0)}`);
    }
    return out.join(", ");
  }

  /** The p-th percentile latency of all samples, or of those that finished at or after `since`. */
  percentile(p: number, since = 0): number {
    const picked = since ? this.latencies.filter((_, i) => this.finishedAt[i]! >= since) : this.latencies;
    if (picked.length === 0) return 0;
    const sorted = [...picked].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  }
}

export function printTable(rows: [string, string | number][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`| ${"measure".padEnd(width)} | value |`);
  console.log(`|${"-".repeat(width + 2)}|-------|`);
  for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
}
