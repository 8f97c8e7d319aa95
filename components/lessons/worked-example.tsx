"use client";
// A lesson's worked example: the steps the engine computed (lib/lessons/worked.ts), walked one at a time.
// Schedules use the feedback's own replay viewer, so a lesson teaches with the view a student later
// reads after submitting; other engines (fork, event loop, capacity, races) step through their own steps.
import { useState } from "react";
import { ReplayViewer } from "@/components/sim/replay-viewer";
import { Button } from "@/components/ui/button";
import type { JobRow, WorkedExample, WorkedStep } from "@/lib/lessons/worked";

export function JobTable({ jobs, caption }: { jobs: JobRow[]; caption: string }) {
  const notes = jobs.some((j) => j.notes !== "");
  return (
    <table className="text-sm tabular-nums">
      <caption className="text-left text-xs font-medium text-muted-foreground">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="px-2 py-1 text-left">
            Job
          </th>
          <th scope="col" className="px-2 py-1 text-right">
            Arrives (ms)
          </th>
          <th scope="col" className="px-2 py-1 text-left">
            Work
          </th>
          {notes ? (
            <th scope="col" className="px-2 py-1 text-left">
              Settings
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {jobs.map((j) => (
          <tr key={j.id}>
            <th scope="row" className="px-2 py-1 text-left font-mono font-normal">
              {j.id}
            </th>
            <td className="px-2 py-1 text-right">{j.arrival}</td>
            <td className="px-2 py-1">{j.work}</td>
            {notes ? <td className="px-2 py-1">{j.notes}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StepThrough({ steps }: { steps: WorkedStep[] }) {
  const [index, setIndex] = useState(0);
  const last = steps.length - 1;
  const step = steps[Math.min(index, last)]!;
  const go = (i: number) => setIndex(Math.max(0, Math.min(last, i)));
  return (
    <div
      className="flex flex-col gap-3"
      onKeyDown={(e) => {
        if (e.key === "ArrowLeft") go(index - 1);
        else if (e.key === "ArrowRight") go(index + 1);
        else return;
        e.preventDefault();
      }}
    >
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Step controls">
        <Button type="button" variant="secondary" onClick={() => go(0)} disabled={index === 0}>
          First
        </Button>
        <Button type="button" variant="secondary" onClick={() => go(index - 1)} disabled={index === 0}>
          ← Prev
        </Button>
        <Button type="button" variant="secondary" onClick={() => go(index + 1)} disabled={index >= last}>
          Next →
        </Button>
        <p className="ml-auto text-sm tabular-nums" aria-live="polite" data-testid="worked-position">
          Step {index + 1} of {steps.length}
        </p>
      </div>
      <div className="rounded-lg border border-border bg-background p-4">
        <p className="font-medium" data-testid="worked-step">
          {step.heading}
        </p>
        <ul className="mt-2 list-disc pl-5 text-sm">
          {step.state.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
        <p className="mt-2 text-sm">
          <span className="font-medium">Rule: </span>
          {step.rule}
        </p>
      </div>
    </div>
  );
}

export function WorkedExampleView({ example }: { example: WorkedExample }) {
  return (
    <section
      className="my-6 flex flex-col gap-3 rounded-lg border border-border bg-card p-4"
      aria-label={`Worked example: ${example.title}`}
      data-slot="worked-example"
    >
      <h3 className="text-base font-semibold">
        <span className="mr-2 rounded bg-muted px-1.5 py-0.5 text-xs font-medium">Worked example</span>
        {example.title}
      </h3>
      {example.kind === "sched" ? (
        <>
          <p className="text-sm text-muted-foreground">
            Policy: {example.policy}. Step through the decisions: at each one the table shows who is runnable, with the
            values the rule compares, and the rule that picks.
          </p>
          <JobTable jobs={example.jobs} caption="The jobs" />
          <ReplayViewer replay={example.replay} slotMs={1} tasks={example.tasks} />
        </>
      ) : (
        <>
          {example.source ? (
            <pre tabIndex={0} aria-label="The scenario" className="overflow-x-auto rounded-md bg-muted p-3 text-xs">
              <code>{example.source}</code>
            </pre>
          ) : null}
          <StepThrough steps={example.steps} />
        </>
      )}
    </section>
  );
}
