import { formatMs } from "./timeline-model";

const VALUE_LABELS: Record<string, string> = {
  remaining: "remaining (ms)",
  vruntime: "vruntime (ms)",
  deadline: "deadline (ms)",
  lag: "lag (ms)",
  priority: "priority",
  level: "queue level",
  tickets: "tickets",
  pass: "pass",
};

// The engine logs a CPU-bound-forever task's remaining time as null (JSON has no Infinity).
const valueText = (v: number | null | undefined) => (v === undefined ? "–" : v === null ? "∞" : formatMs(v));

/**
 * The runnable jobs at one instant with the values the scheduling rule compares (null: no end, ∞).
 * `running` marks the job holding the CPU at that instant (the engine's state); `picked` marks the job a
 * logged decision chose (older reports, which carry only the candidates of the last decision).
 */
export function ReadyQueueTable({
  ready,
  picked,
  running,
  blocked = [],
  caption = "Ready queue",
}: {
  ready: { task: string; values: Record<string, number | null> }[];
  picked?: string | null;
  running?: string | null;
  blocked?: { task: string; wakesAt: number }[];
  caption?: string;
}) {
  const keys = [...new Set(ready.flatMap((r) => Object.keys(r.values)))];
  const mark = running !== undefined ? running : picked;
  const markWord = running !== undefined ? "running" : "picked";
  const asleep =
    blocked.length > 0 ? (
      <p className="mt-1 text-xs text-muted-foreground" data-testid="blocked-jobs">
        Blocked on I/O: {blocked.map((b) => `${b.task} (until t = ${formatMs(b.wakesAt)} ms)`).join(", ")}
      </p>
    ) : null;
  if (ready.length === 0)
    return (
      <div>
        <p className="text-sm text-muted-foreground">No job was ready.</p>
        {asleep}
      </div>
    );
  return (
    <div className="overflow-x-auto">
      <table className="text-sm tabular-nums">
        <caption className="mb-1 text-left text-xs font-medium text-muted-foreground">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="border-b border-border px-2 py-1 text-left">
              Task
            </th>
            {keys.map((k) => (
              <th key={k} scope="col" className="border-b border-border px-2 py-1 text-right">
                {VALUE_LABELS[k] ?? k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ready.map((r) => (
            <tr key={r.task} className={r.task === mark ? "bg-primary/10 font-semibold" : undefined}>
              <th scope="row" className="px-2 py-1 text-left">
                {r.task}
                {r.task === mark ? <span className="ml-1 text-xs font-normal text-primary">({markWord})</span> : null}
              </th>
              {keys.map((k) => (
                <td key={k} className="px-2 py-1 text-right">
                  {valueText(r.values[k])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {asleep}
    </div>
  );
}
