"use client";

import { type KeyboardEvent, useMemo, useState } from "react";
import type { TimelineValue } from "@/lib/engine/questions";
import { Button } from "@/components/ui/button";
import { GanttChart } from "./gantt-chart";
import { tasksOf, timelineToSlices } from "./gantt-model";
import { ReadyQueueTable } from "./ready-queue-table";
import {
  priceSwitches,
  type ReplayData,
  readReplay,
  replaySteps,
  runningAt,
  stepAtTime,
  switchCostPerKind,
  switchesUpTo,
} from "./replay-model";
import { formatMs } from "./timeline-model";
import { ruleWords } from "@/lib/engine/words";

export interface ReplayViewerProps {
  /** GradeReport.replay (validated here) or an already-read ReplayData. */
  replay: ReplayData | Record<string, unknown>;
  studentTimeline?: TimelineValue;
  slotMs: number;
  /** Time (ms) to open at, e.g. the first divergence; defaults to t=0. */
  startAt?: number;
  /** Time (ms) of the first divergence, for the "Jump to divergence" button (defaults to startAt). */
  divergenceTime?: number;
  /** Task order for colours, so they match the timeline editor (defaults to the ids in natural order). */
  tasks?: readonly string[];
}

function formatCost(ms: number): string {
  return ms < 1 ? `${formatMs(ms * 1000)} µs` : `${formatMs(ms)} ms`;
}

/** Steps through the reference simulation decision by decision, beside the student's own timeline. */
export function ReplayViewer({
  replay,
  studentTimeline,
  slotMs,
  startAt,
  divergenceTime,
  tasks: taskOrder,
}: ReplayViewerProps) {
  const data = useMemo(() => readReplay(replay), [replay]);
  const steps = useMemo(() => (data ? replaySteps(data) : []), [data]);
  const [index, setIndex] = useState(() => (startAt === undefined ? 0 : stepAtTime(steps, startAt)));
  const divergence = divergenceTime ?? startAt;
  const studentSlices = useMemo(
    () => (studentTimeline ? timelineToSlices(studentTimeline, slotMs) : null),
    [studentTimeline, slotMs],
  );

  if (!data || steps.length === 0)
    return <p className="text-sm text-muted-foreground">There is no step-by-step replay for this question.</p>;

  const last = steps.length - 1;
  const step = steps[Math.min(index, last)];
  const tasks = taskOrder ?? tasksOf(data.slices);
  const running =
    step.running !== undefined ? (step.running ?? "idle") : (step.picked ?? runningAt(data.slices, step.time));
  const rule = step.rule ? ruleWords(step.rule) : undefined;
  const switches = priceSwitches(switchesUpTo(data.slices, step.time), data.switches);
  const pricedSoFar = switches.every((s) => s.costMs !== null)
    ? switches.reduce((sum, s) => sum + (s.costMs ?? 0), 0)
    : null;
  // Prices only where switches cost CPU time in this question: elsewhere they are noise (issue #14).
  const priced = data.switches?.charged === true;
  const costs = priced && data.switches ? switchCostPerKind(data.switches) : [];
  const go = (i: number) => setIndex(Math.max(0, Math.min(last, i)));

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const target = event.target as HTMLElement;
    if (target.closest("input, select, textarea, [role='grid']")) return;
    if (event.key === "ArrowLeft") go(index - 1);
    else if (event.key === "ArrowRight") go(index + 1);
    else if (event.key === "Home") go(0);
    else if (event.key === "End") go(last);
    else return;
    event.preventDefault();
  }

  return (
    <section
      aria-label="Replay of the reference schedule"
      onKeyDown={onKeyDown}
      className="flex flex-col gap-4"
      data-slot="replay-viewer"
    >
      <div
        className="flex flex-wrap items-center gap-2"
        role="group"
        aria-label="Replay controls (or use the Left and Right arrow keys)"
      >
        <Button type="button" variant="secondary" onClick={() => go(0)} disabled={index === 0}>
          First
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => go(index - 1)}
          disabled={index === 0}
          aria-keyshortcuts="ArrowLeft"
        >
          ← Prev
        </Button>
        <Button
          type="button"
          variant="secondary"
          onClick={() => go(index + 1)}
          disabled={index >= last}
          aria-keyshortcuts="ArrowRight"
        >
          Next →
        </Button>
        {divergence !== undefined ? (
          <Button type="button" variant="secondary" onClick={() => go(stepAtTime(steps, divergence))}>
            Jump to divergence
          </Button>
        ) : null}
        <p className="ml-auto text-sm tabular-nums" aria-live="polite" data-testid="replay-position">
          Step {index + 1} of {steps.length} · t = {formatMs(step.time)} ms
        </p>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <div className="flex flex-col gap-3">
          <div>
            <p className="mb-1 text-sm font-medium">Reference schedule</p>
            <GanttChart
              slices={data.slices}
              tasks={tasks}
              slotMs={data.slotMs}
              highlightTime={step.time}
              label="Reference schedule"
            />
          </div>
          {studentSlices ? (
            <div>
              <p className="mb-1 text-sm font-medium">Your timeline</p>
              <GanttChart
                slices={studentSlices}
                tasks={tasks}
                slotMs={slotMs}
                highlightTime={step.time}
                label="Your timeline"
              />
            </div>
          ) : null}
        </div>

        <div className="flex flex-col gap-3 rounded-lg border border-border bg-card p-4">
          <p className="text-sm">
            At <strong>t = {formatMs(step.time)} ms</strong> the scheduler runs{" "}
            <strong data-testid="replay-running">{running === "idle" ? "nothing (idle)" : running}</strong>.
            {rule ? ` Rule: ${rule}.` : null}
          </p>
          {step.message ? <p className="text-sm text-muted-foreground">{step.message}</p> : null}
          {data.decisions.length > 0 || data.states.length > 0 ? (
            <ReadyQueueTable
              ready={step.ready}
              picked={step.picked}
              running={step.running}
              blocked={step.blocked}
              caption={`Runnable jobs at t = ${formatMs(step.time)} ms`}
            />
          ) : null}

          <div className="text-sm">
            <p className="font-medium">
              Context switches so far: {switches.length}
              {priced && pricedSoFar !== null && switches.length > 0 ? `, ≈ ${formatCost(pricedSoFar)}` : ""}
              {data.switches ? (
                <span className="font-normal text-muted-foreground"> (of {data.switches.total} in the run)</span>
              ) : null}
            </p>
            {switches.length > 0 ? (
              <ol
                tabIndex={0}
                aria-label="Switches so far"
                className="mt-1 max-h-32 list-decimal overflow-y-auto pl-6 text-muted-foreground"
              >
                {switches.map((s, i) => (
                  <li key={i}>
                    t = {formatMs(s.time)} ms: {s.from} → {s.to}
                    {priced && s.costMs !== null ? ` (${s.kind} switch, ≈ ${formatCost(s.costMs)})` : ""}
                  </li>
                ))}
              </ol>
            ) : null}
            {costs.length > 0 ? (
              <table className="mt-2 text-sm tabular-nums">
                <caption className="text-left text-xs font-medium text-muted-foreground">
                  Cost per switch, by kind (charged to the CPU)
                </caption>
                <thead>
                  <tr>
                    <th scope="col" className="px-2 py-1 text-left">
                      Kind
                    </th>
                    <th scope="col" className="px-2 py-1 text-right">
                      Count
                    </th>
                    <th scope="col" className="px-2 py-1 text-right">
                      Each
                    </th>
                    <th scope="col" className="px-2 py-1 text-right">
                      Total
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {costs.map((c) => (
                    <tr key={c.kind}>
                      <th scope="row" className="px-2 py-1 text-left font-normal">
                        {c.kind}
                      </th>
                      <td className="px-2 py-1 text-right">{c.count}</td>
                      <td className="px-2 py-1 text-right">{formatCost(c.eachMs)}</td>
                      <td className="px-2 py-1 text-right">{formatCost(c.totalMs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        </div>
      </div>
    </section>
  );
}
