// Server component: renders a parsed lesson — prose as HTML, diagrams as static SVG, widgets as
// lazily loaded client components, worked examples and check questions computed here by the engine (so the
// static page ships their steps, not the simulators) — followed by its numbered Sources list.
import type { Lesson } from "@/lib/lessons/types";
import { footnoteNumbers, renderInline, renderMarkdown } from "@/lib/lessons/render";
import { buildCheck, buildWorkedExample } from "@/lib/lessons/worked";
import type { LessonResult } from "@/lib/lessons/types";
import { CheckQuestionView } from "./check-question";
import { WorkedExampleView } from "./worked-example";
import { DIAGRAMS } from "./diagrams";
import { WidgetSlot } from "./widget-slot";
import "./lesson-prose.css";

export function LessonArticle({ lesson }: { lesson: Lesson }) {
  const numbers = footnoteNumbers(lesson);
  return (
    <article className="leading-relaxed">
      {lesson.blocks.map((block, i) => {
        if (block.kind === "widget") return <WidgetSlot key={i} name={block.name} />;
        if (block.kind === "worked-example")
          return <WorkedExampleView key={i} example={built(lesson, buildWorkedExample(block))} />;
        if (block.kind === "check")
          return (
            <CheckQuestionView
              key={i}
              question={built(lesson, buildCheck(block))}
              promptHtml={renderMarkdown(block.prompt, numbers)}
            />
          );
        if (block.kind === "diagram") {
          const Diagram = DIAGRAMS[block.name];
          return <Diagram key={i} />;
        }
        return (
          <div
            key={i}
            className="lesson-md"
            dangerouslySetInnerHTML={{ __html: renderMarkdown(block.source, numbers) }}
          />
        );
      })}
      <div className="lesson-md">
        <ol className="lesson-sources">
          {lesson.sources.map((s) => (
            <li key={s.id} id={`source-${s.id}`} dangerouslySetInnerHTML={{ __html: renderInline(s.text) }} />
          ))}
        </ol>
      </div>
    </article>
  );
}

/** The content lint refuses a scenario the engine rejects; should one slip through, the build fails here. */
function built<T>(lesson: Lesson, r: LessonResult<T>): T {
  if (r.ok) return r.value;
  throw new Error(`lesson ${lesson.meta.slug}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`);
}
