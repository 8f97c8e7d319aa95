import { GanttChart } from "@/components/sim/gantt-chart";
import { timelineToSlices } from "@/components/sim/gantt-model";
import { formatMs, timelineRows } from "@/components/sim/timeline-model";
import type { AnswerPartSpec, AnswerValue } from "@/lib/engine/questions";
import { expectedUnitPhrase, formatQuantity } from "@/lib/units";

// Answer parts on paper. The sheet gets a blank space to fill by hand (a timeline grid for schedules);
// the key page draws the reference in the same layout, so a marker can lay one over the other.

/** Slot start times on the grid's axis: every slot up to 24, then every few so labels never crowd. */
function labelEvery(slots: number): number {
  return slots <= 24 ? 1 : Math.ceil(slots / 24);
}

function TimelineGrid({
  part,
  value,
}: {
  part: Extract<AnswerPartSpec, { kind: "timeline" }>;
  value?: readonly (string | null)[];
}) {
  const rows = timelineRows(part);
  const every = labelEvery(part.slots);
  const slots = Array.from({ length: part.slots }, (_, i) => i);
  return (
    <table className="print-grid w-full table-fixed border-collapse text-xs" data-testid="print-timeline-grid">
      <caption className="sr-only">
        {part.label}: one row per {part.allowIdle || part.allowSwitch ? "task (and idle or switch)" : "task"}, one
        column per {formatMs(part.slotMs)} ms slot
      </caption>
      <thead>
        <tr>
          <th scope="col" className="w-24 text-left font-medium">
            Time (ms)
          </th>
          {slots.map((s) => (
            <th key={s} scope="col" className="px-0 text-left font-normal">
              {s % every === 0 ? formatMs(s * part.slotMs) : ""}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row" className="border border-foreground/60 px-1 text-left font-medium">
              {row.label}
            </th>
            {slots.map((s) => {
              const filled = value?.[s] === row.id;
              return (
                <td key={s} className={`h-6 border border-foreground/60 ${filled ? "bg-foreground" : ""}`}>
                  {filled ? <span className="sr-only">{row.label}</span> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The blank space a student answers a part in, on paper. */
export function PrintedAnswerSpace({ part }: { part: AnswerPartSpec }) {
  switch (part.kind) {
    case "timeline":
      return (
        <div className="flex flex-col gap-1">
          <p className="text-sm font-medium">{part.label} — shade one cell per slot</p>
          <TimelineGrid part={part} />
        </div>
      );
    case "number":
      return (
        <p className="text-sm">
          <span className="font-medium">{part.label}:</span>{" "}
          <span className="inline-block w-40 border-b border-foreground align-bottom">&nbsp;</span>{" "}
          {expectedUnitPhrase(part.unit, part.integer)}
          {part.hint ? <span className="text-muted-foreground"> ({part.hint})</span> : null}
        </p>
      );
    case "order":
      return (
        <div className="text-sm">
          <p className="font-medium">{part.label} — number the items in order (1 first)</p>
          <ul className="mt-1 flex flex-col gap-1">
            {part.items.map((item) => (
              <li key={item.id} className="flex items-center gap-2">
                <span className="inline-block h-6 w-8 border border-foreground" aria-hidden="true" />
                <code>{item.label}</code>
              </li>
            ))}
          </ul>
        </div>
      );
    case "choice":
      return (
        <div className="text-sm">
          <p className="font-medium">
            {part.label} — {part.multiple ? "tick every option that applies" : "tick one option"}
          </p>
          <ul className="mt-1 flex flex-col gap-1">
            {part.options.map((option) => (
              <li key={option.id} className="flex items-center gap-2">
                <span
                  className={`inline-block size-4 border border-foreground ${part.multiple ? "" : "rounded-full"}`}
                  aria-hidden="true"
                />
                {option.label}
              </li>
            ))}
          </ul>
        </div>
      );
  }
}

/** The reference answer of a part, drawn for the key. */
export function KeyAnswer({ part, value }: { part: AnswerPartSpec; value: AnswerValue | undefined }) {
  switch (part.kind) {
    case "timeline": {
      const timeline = Array.isArray(value) ? (value as (string | null)[]) : [];
      return (
        <div className="flex flex-col gap-2" data-testid="key-timeline">
          <p className="text-sm font-medium">{part.label}</p>
          <GanttChart
            slices={timelineToSlices(timeline, part.slotMs)}
            tasks={part.tasks.map((t) => t.id)}
            slotMs={part.slotMs}
            label={`Reference schedule: ${part.label}`}
          />
          <TimelineGrid part={part} value={timeline} />
        </div>
      );
    }
    case "number":
      return (
        <p className="text-sm">
          <span className="font-medium">{part.label}:</span>{" "}
          {typeof value === "number" ? formatQuantity(value, part.unit) : String(value)}
        </p>
      );
    case "order": {
      const ids = Array.isArray(value) ? (value as string[]) : [];
      const label = new Map(part.items.map((i) => [i.id, i.label]));
      return (
        <div className="text-sm">
          <p className="font-medium">{part.label}</p>
          <ol className="mt-1 list-decimal pl-6">
            {ids.map((id) => (
              <li key={id}>
                <code>{label.get(id) ?? id}</code>
              </li>
            ))}
          </ol>
        </div>
      );
    }
    case "choice": {
      const chosen = new Set(Array.isArray(value) ? (value as string[]) : typeof value === "string" ? [value] : []);
      return (
        <p className="text-sm">
          <span className="font-medium">{part.label}:</span>{" "}
          {part.options
            .filter((o) => chosen.has(o.id))
            .map((o) => o.label)
            .join("; ")}
        </p>
      );
    }
  }
}
