// Server component: renders a parsed lesson — prose as HTML, diagrams as static SVG, widgets as
// lazily loaded client components — followed by its numbered Sources list.
import type { Lesson } from "@/lib/lessons/types";
import { footnoteNumbers, renderInline, renderMarkdown } from "@/lib/lessons/render";
import { DIAGRAMS } from "./diagrams";
import { WidgetSlot } from "./widget-slot";
import "./lesson-prose.css";

export function LessonArticle({ lesson }: { lesson: Lesson }) {
  const numbers = footnoteNumbers(lesson);
  return (
    <article className="leading-relaxed">
      {lesson.blocks.map((block, i) => {
        if (block.kind === "widget") return <WidgetSlot key={i} name={block.name} />;
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
