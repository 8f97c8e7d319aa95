import type { VariantView } from "@/lib/engine/questions";
import { cn } from "@/lib/utils";
import { ExhibitView } from "./exhibit-view";
import { PromptText } from "./prompt-text";

export interface QuestionViewProps {
  view: Pick<VariantView, "title" | "prompt" | "exhibits" | "conventions" | "images">;
  /** The page's main heading (h1) or a section heading (h2, e.g. inside the instructors' preview; h3 on printed sheets, under each copy's h2). */
  titleAs?: "h1" | "h2" | "h3";
  /** The prompt pre-rendered by the server's full Markdown renderer; otherwise the safe subset renders it. */
  promptHtml?: string;
  className?: string;
}

/**
 * The one way a question is shown — practice, review and assignments (the exercise page), mock
 * interviews, history, the instructors' preview, printed sheets and shared links: title, prompt, every exhibit and every convention
 * it is graded under. Answer inputs (and their units) come from the answer form, shared the same way.
 */
export function QuestionView({ view, titleAs = "h1", promptHtml, className }: QuestionViewProps) {
  const Title = titleAs;
  return (
    <div className={cn("flex flex-col gap-4", className)} data-slot="question-view">
      <Title
        className={
          titleAs === "h1" ? "text-2xl font-bold" : titleAs === "h2" ? "text-xl font-semibold" : "text-lg font-semibold"
        }
      >
        {view.title}
      </Title>
      {promptHtml !== undefined ? (
        <div className="prose-sm leading-relaxed" dangerouslySetInnerHTML={{ __html: promptHtml }} />
      ) : (
        <PromptText markdown={view.prompt} />
      )}
      {(view.images ?? [])
        // Only the raster data: URLs the engine validated; anything else is not drawn.
        .filter((img) => /^data:image\/(png|jpeg|gif|webp);base64,/.test(img.src))
        .map((img) => (
          <figure key={img.name} className="flex flex-col gap-1" data-testid="question-image">
            {/* A data: URL uploaded with the question: next/image has nothing to optimise or fetch. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src={img.src}
              alt={img.alt}
              className="max-h-96 max-w-full self-start rounded-md border border-border"
            />
          </figure>
        ))}
      {view.exhibits.map((exhibit, i) => (
        <ExhibitView key={i} exhibit={exhibit} />
      ))}
      {view.conventions.length > 0 ? (
        <div className="rounded-md border border-border bg-muted/50 p-3 text-sm" data-testid="question-conventions">
          <p className="font-medium">Conventions</p>
          <ul className="mt-1 list-disc pl-5 text-muted-foreground">
            {view.conventions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
