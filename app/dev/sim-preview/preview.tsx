"use client";

import { type ReactNode, useState } from "react";
import type { Answer, TimelineValue } from "@/lib/engine/questions";
import {
  AnswerForm,
  GanttChart,
  GradeView,
  NumberAnswer,
  ReorderList,
  ReplayViewer,
  TimelineEditor,
  timelineToSlices,
} from "@/components/sim";
import { longPart, longValue, rrReference, rrReplay, rrReport, rrStudent, rrView } from "./sample-data";

const timelinePart = rrView.parts[0] as Extract<(typeof rrView.parts)[number], { kind: "timeline" }>;
const numberPart = rrView.parts[1] as Extract<(typeof rrView.parts)[number], { kind: "number" }>;
const orderPart = rrView.parts[2] as Extract<(typeof rrView.parts)[number], { kind: "order" }>;

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={id}
      className="flex flex-col gap-3 border-t border-border pt-6"
      data-testid={`preview-${id}`}
    >
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function SimPreview() {
  const [timeline, setTimeline] = useState<TimelineValue>(Array(10).fill(null));
  const [long, setLong] = useState<TimelineValue>(longValue);
  const [numberText, setNumberText] = useState("4000 µs");
  const [order, setOrder] = useState(["A", "B", "C"]);
  const [submitted, setSubmitted] = useState<Answer | null>(null);
  const [pending, setPending] = useState(false);

  return (
    <div className="flex flex-col gap-8">
      <Section title="TimelineEditor" id="timeline-editor">
        <TimelineEditor part={timelinePart} value={timeline} onChange={setTimeline} />
        <p className="text-xs text-muted-foreground" data-testid="timeline-value">
          Value: {JSON.stringify(timeline)}
        </p>
      </Section>

      <Section title="TimelineEditor — long schedule with zoom" id="timeline-long">
        <TimelineEditor part={longPart} value={long} onChange={setLong} />
      </Section>

      <Section title="TimelineEditor — graded, read only" id="timeline-graded">
        <TimelineEditor part={timelinePart} value={rrStudent} disabled reference={rrReference} divergenceSlot={4} />
      </Section>

      <Section title="GanttChart" id="gantt-chart">
        <GanttChart
          slices={rrReplay.slices}
          tasks={["A", "B", "C"]}
          slotMs={1}
          highlightTime={4}
          label="Reference schedule"
        />
        <GanttChart slices={timelineToSlices(longValue, 0.5)} slotMs={0.5} height={32} label="Long schedule" />
      </Section>

      <Section title="NumberAnswer" id="number-answer">
        <NumberAnswer part={numberPart} text={numberText} onChange={setNumberText} />
        <NumberAnswer
          part={{ ...numberPart, id: "bad", label: "With a server error" }}
          text="4 apples"
          onChange={() => undefined}
          errors={["'4 apples' is not a time; try 4 ms"]}
        />
      </Section>

      <Section title="ReorderList" id="reorder-list">
        <ReorderList part={orderPart} value={order} onChange={setOrder} />
      </Section>

      <Section title="AnswerForm" id="answer-form">
        <AnswerForm
          view={rrView}
          pending={pending}
          errors={[{ path: "parts.finish-order", message: "Example server error for this part." }]}
          onSubmit={(answer) => {
            setPending(true);
            setSubmitted(answer);
            setTimeout(() => setPending(false), 600);
          }}
        />
        {submitted ? (
          <pre
            tabIndex={0}
            aria-label="Submitted answer (JSON)"
            className="overflow-x-auto rounded-md bg-muted p-2 text-xs"
            data-testid="submitted-answer"
          >
            {JSON.stringify(submitted)}
          </pre>
        ) : null}
      </Section>

      <Section title="GradeView" id="grade-view">
        <GradeView
          report={rrReport}
          parts={rrView.parts}
          answer={{
            parts: {
              gantt: rrStudent,
              "avg-turnaround": 7,
              "finish-order": ["A", "B", "C"],
              starved: "no",
              costs: ["regs", "disk"],
            },
          }}
          showReplay={false}
        />
      </Section>

      <Section title="ReplayViewer" id="replay-viewer">
        <ReplayViewer replay={rrReplay} studentTimeline={rrStudent} slotMs={1} startAt={4} />
      </Section>
    </div>
  );
}
