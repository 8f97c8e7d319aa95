"use client";

import { useId } from "react";
import type { Answer, AnswerPartSpec, AnswerValue, GradeReport } from "@/lib/engine/questions";
import { scorePercent, TIMELINE_IDLE, TIMELINE_SWITCH } from "@/lib/engine/questions";
import { formatQuantity } from "@/lib/units";
import { cn } from "@/lib/utils";
import { decodeTree, matchTrees } from "@/lib/engine/questions";
import { GanttChart } from "./gantt-chart";
import { GanttComparison } from "./gantt-comparison";
import { ProcessTreeDiagram } from "./process-tree";
import { MisconceptionCards } from "./misconception-card";
import { timelineToSlices } from "./gantt-model";
import { ReadyQueueTable } from "./ready-queue-table";
import { readComparedSchedules, readReplay } from "./replay-model";
import { ReplayViewer } from "./replay-viewer";
import { TimelineEditor } from "./timeline-editor";
import { formatMs } from "./timeline-model";

export interface GradeViewProps {
  report: GradeReport;
  /** The variant's parts, to label the reference answers. */
  parts: AnswerPartSpec[];
  /** The answer that was graded, to show beside the reference. */
  answer?: Answer;
  /** Show the step-through replay when the report has one (default true). */
  showReplay?: boolean;
}

/** A timeline slot value in words: the engine's "idle" and "cs" are ids, not what a student reads. */
function slotWords(v: string): string {
  return v === TIMELINE_IDLE ? "the CPU idle" : v === TIMELINE_SWITCH ? "a context switch" : v;
}

// The same rounding as the engine's summary sentence, so the two never disagree.
const percent = scorePercent;

function scoreTone(score: number): string {
  if (score >= 0.999) return "bg-success";
  if (score >= 0.5) return "bg-warning";
  return "bg-danger";
}

function asStrings(v: AnswerValue | undefined): string[] {
  if (typeof v === "string") return [v];
  return Array.isArray(v) ? (v as readonly (string | null)[]).filter((x): x is string => typeof x === "string") : [];
}

function ReferenceAnswer({
  part,
  reference,
  given,
  divergenceSlot,
}: {
  part: AnswerPartSpec;
  reference: AnswerValue | undefined;
  given: AnswerValue | undefined;
  divergenceSlot?: number;
}) {
  if (reference === undefined)
    return <p className="text-sm text-muted-foreground">No reference answer is shown for this part.</p>;
  switch (part.kind) {
    case "timeline": {
      const ref = Array.isArray(reference) ? (reference as (string | null)[]) : [];
      const tasks = part.tasks.map((t) => t.id);
      return (
        <div className="flex flex-col gap-3">
          {Array.isArray(given) ? (
            // Both on one time axis, so where the student's schedule parts from the reference is visible at a glance.
            <GanttComparison
              rows={[
                { id: "yours", label: "Yours", slices: timelineToSlices(given as (string | null)[], part.slotMs) },
                { id: "reference", label: "Reference", slices: timelineToSlices(ref, part.slotMs) },
              ]}
              tasks={tasks}
              slotMs={part.slotMs}
              title={`Your schedule and the reference for ${part.label}, on one time axis`}
              differsWords="yours differs"
              testId="timeline-comparison"
            />
          ) : (
            <GanttChart
              slices={timelineToSlices(ref, part.slotMs)}
              tasks={tasks}
              slotMs={part.slotMs}
              label={`Reference schedule for ${part.label}`}
            />
          )}
          {Array.isArray(given) ? (
            <div>
              <p className="mb-1 text-sm font-medium">Your timeline against the reference</p>
              <TimelineEditor
                part={part}
                value={given as (string | null)[]}
                disabled
                reference={ref}
                divergenceSlot={divergenceSlot}
              />
            </div>
          ) : null}
        </div>
      );
    }
    case "number":
      return (
        <p className="text-sm">
          Reference:{" "}
          <strong className="tabular-nums">
            {typeof reference === "number" ? formatQuantity(reference, part.unit) : String(reference)}
          </strong>
          {typeof given === "number" ? (
            <span className="text-muted-foreground"> · yours: {formatQuantity(given, part.unit)}</span>
          ) : null}
        </p>
      );
    case "order": {
      const label = new Map(part.items.map((i) => [i.id, i.label]));
      return (
        <div className="text-sm">
          <p className="mb-1">Reference order:</p>
          <ol className="list-decimal pl-6 font-mono">
            {asStrings(reference).map((id, i) => (
              <li key={`${id}-${i}`}>{label.get(id) ?? id}</li>
            ))}
          </ol>
        </div>
      );
    }
    case "tree": {
      const truth = decodeTree(reference);
      if (!truth) return null;
      const yours = decodeTree(given);
      const match = yours ? matchTrees(truth, yours, part.rootLabel !== undefined) : null;
      return (
        <div className="grid gap-4 md:grid-cols-2">
          {yours ? (
            <ProcessTreeDiagram part={part} nodes={yours} marks={match?.given} title="Your tree" testId="tree-yours" />
          ) : null}
          <ProcessTreeDiagram
            part={part}
            nodes={truth}
            marks={match?.expected}
            title="The program's tree"
            testId="tree-reference"
          />
        </div>
      );
    }
    case "choice": {
      const label = new Map(part.options.map((o) => [o.id, o.label]));
      const ids = asStrings(reference);
      return (
        <p className="text-sm">
          Reference:{" "}
          <strong>{ids.length ? ids.map((id) => label.get(id) ?? id).join("; ") : "none of the options"}</strong>
        </p>
      );
    }
  }
}

/** The result of grading: score, per-part feedback, first divergence, reference answers and replay. */
export function GradeView({ report, parts, answer, showReplay = true }: GradeViewProps) {
  const headingId = useId();
  const pct = percent(report.score);
  const divergence = report.firstDivergence;
  const timelinePart = parts.find(
    (p): p is Extract<AnswerPartSpec, { kind: "timeline" }> =>
      p.kind === "timeline" && (divergence ? p.id === divergence.part : true),
  );
  const compared = readComparedSchedules(report.replay);
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-5" data-slot="grade-view">
      <div className="flex flex-col gap-2 rounded-lg border border-border bg-card p-4">
        <h2 id={headingId} className="text-lg font-semibold">
          {report.correct ? "Correct" : "Result"}:{" "}
          <span className="tabular-nums" data-testid="grade-score">
            {pct}%
          </span>
        </h2>
        <div
          role="meter"
          aria-label="Score"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
          aria-valuetext={`${pct}%`}
          className="h-3 w-full overflow-hidden rounded-full bg-muted"
        >
          <div className={cn("h-full rounded-full", scoreTone(report.score))} style={{ width: `${pct}%` }} />
        </div>
        <p className="text-sm">{report.summary}</p>
        {report.convention ? (
          <p className="rounded-md border border-warning/60 bg-warning/10 p-2 text-sm">
            <strong>Another convention:</strong> your answer matches <em>{report.convention.name}</em> —{" "}
            {report.convention.description} It earns {percent(report.convention.credit)}% credit.
          </p>
        ) : null}
      </div>

      <ul className="flex flex-col gap-3" aria-label="Scores per part">
        {report.parts.map((p) => {
          const part = parts.find((x) => x.id === p.id);
          return (
            <li key={p.id} className="flex flex-col gap-2 rounded-lg border border-border bg-card p-4">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-medium">{p.label}</h3>
                <span
                  className={cn(
                    "rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums",
                    p.score >= 0.999
                      ? "bg-success/15 text-success"
                      : p.score > 0
                        ? "border border-warning bg-warning/10 text-foreground"
                        : "bg-danger/15 text-danger",
                  )}
                >
                  {percent(p.score)}%
                </span>
                {p.weight !== 1 ? <span className="text-xs text-muted-foreground">weight {p.weight}</span> : null}
                {p.errorCarriedForward ? (
                  <span
                    className="rounded-full border border-primary px-2 py-0.5 text-xs font-medium text-primary"
                    title="Error carried forward: credited for computing correctly from your own schedule"
                  >
                    ECF
                    <span className="sr-only">
                      {" "}
                      (error carried forward: credited for computing correctly from your own schedule)
                    </span>
                  </span>
                ) : null}
              </div>
              <p className="text-sm">{p.message}</p>
              {part ? (
                <ReferenceAnswer
                  part={part}
                  reference={report.reference[p.id]}
                  given={answer?.parts[p.id]}
                  divergenceSlot={divergence?.part === p.id ? divergence.slot : undefined}
                />
              ) : null}
            </li>
          );
        })}
      </ul>

      {compared.length >= 2 ? (
        <div className="rounded-lg border border-border bg-card p-4">
          <GanttComparison
            rows={compared.map((c, k) => ({ id: `policy-${k + 1}`, label: c.label, slices: c.slices }))}
            slotMs={readReplay(report.replay)?.slotMs}
            title="The policies' schedules of the same jobs, on one time axis"
            differsWords="the policies run different jobs"
            testId="policy-comparison"
          />
        </div>
      ) : null}

      {/* Issue #21: a named misconception comes before the raw first difference it explains. */}
      <MisconceptionCards parts={report.parts} />

      {divergence ? (
        <div
          className="flex flex-col gap-2 rounded-lg border border-danger/50 bg-card p-4"
          data-testid="first-divergence"
        >
          <h3 className="font-medium">
            First difference: slot {divergence.slot} (t = {formatMs(divergence.time)} ms)
          </h3>
          <p className="text-sm">
            The reference runs <strong>{slotWords(divergence.expected)}</strong>; you had{" "}
            <strong>{divergence.got === null ? "nothing" : slotWords(divergence.got)}</strong>.
          </p>
          <p className="text-sm text-muted-foreground">{divergence.message}</p>
          {divergence.running !== undefined ? (
            <ReadyQueueTable
              ready={divergence.ready}
              running={divergence.running}
              blocked={divergence.blocked}
              caption={`Runnable jobs at t = ${formatMs(divergence.time)} ms`}
            />
          ) : (
            <ReadyQueueTable
              ready={divergence.ready}
              picked={divergence.expected}
              caption={`Ready queue at t = ${formatMs(divergence.time)} ms`}
            />
          )}
        </div>
      ) : null}

      {showReplay && report.replay ? (
        <details className="rounded-lg border border-border bg-card p-4" open={Boolean(divergence)}>
          <summary className="cursor-pointer font-medium">Step through the reference schedule</summary>
          <div className="mt-3">
            <ReplayViewer
              replay={report.replay}
              slotMs={timelinePart?.slotMs ?? readReplay(report.replay)?.slotMs ?? 1}
              studentTimeline={
                timelinePart && Array.isArray(answer?.parts[timelinePart.id])
                  ? (answer?.parts[timelinePart.id] as (string | null)[])
                  : undefined
              }
              tasks={timelinePart?.tasks.map((t) => t.id)}
              startAt={divergence?.time}
              divergenceTime={divergence?.time}
            />
          </div>
        </details>
      ) : null}
    </section>
  );
}
