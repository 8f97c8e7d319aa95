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

/** The ready queue at one decision, with the values the scheduling rule compared (null: no end, ∞). */
export function ReadyQueueTable({ ready, picked, caption = "Ready queue" }: { ready: { task: string; values: Record<string, number | null> }[]; picked?: string | null; caption?: string }) {
  const keys = [...new Set(ready.flatMap((r) => Object.keys(r.values)))];
  if (ready.length === 0) return <p className="text-sm text-muted-foreground">The ready queue was empty.</p>;
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
            <tr key={r.task} className={r.task === picked ? "bg-primary/10 font-semibold" : undefined}>
              <th scope="row" className="px-2 py-1 text-left">
                {r.task}
                {r.task === picked ? <span className="ml-1 text-xs font-normal text-primary">(picked)</span> : null}
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
    </div>
  );
}
