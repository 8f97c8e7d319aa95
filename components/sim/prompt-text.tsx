import { Fragment, type ReactNode } from "react";

// A deliberately small Markdown subset (paragraphs, "- " and "1. " lists, `code`, **bold**, *italic*) rendered
// as React elements, so a prompt can never inject HTML. Pages that pre-render the prompt with the
// full Markdown renderer on the server pass that HTML to AnswerForm instead.

function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined)
      out.push(
        <code key={m.index} className="rounded bg-muted px-1 font-mono text-[0.9em]">
          {m[1]}
        </code>,
      );
    else if (m[2] !== undefined) out.push(<strong key={m.index}>{m[2]}</strong>);
    else out.push(<em key={m.index}>{m[3]}</em>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export type Block = { kind: "p"; lines: string[] } | { kind: "ul" | "ol"; items: string[] };

const BULLET = /^\s*[-*] /;
const NUMBERED = /^\s*\d+[.)] /;

/**
 * Paragraphs (blank-line separated) split into runs of text, bullet and numbered lines, so a worked
 * explanation's "1. … 2. …" steps, or a list right under a lead-in line, render as lists, not as text.
 */
export function markdownBlocks(markdown: string): Block[] {
  const out: Block[] = [];
  for (const block of markdown.trim().split(/\n\s*\n/)) {
    let current = null as Block | null;
    for (const line of block.split("\n")) {
      const kind = BULLET.test(line) ? "ul" : NUMBERED.test(line) ? "ol" : "p";
      if (kind === "p") {
        if (current?.kind === "p") current.lines.push(line);
        else out.push((current = { kind: "p", lines: [line] }));
      } else {
        const item = line.replace(kind === "ul" ? BULLET : NUMBERED, "");
        if (current?.kind === kind) current.items.push(item);
        else out.push((current = { kind, items: [item] }));
      }
    }
  }
  return out;
}

export function PromptText({ markdown }: { markdown: string }) {
  return (
    <div className="flex flex-col gap-3 leading-relaxed" data-slot="prompt">
      {markdownBlocks(markdown).map((block, i) => {
        if (block.kind !== "p") {
          const List = block.kind;
          return (
            <List key={i} className={block.kind === "ul" ? "list-disc pl-6" : "list-decimal pl-6"}>
              {block.items.map((item, j) => (
                <li key={j}>{inline(item)}</li>
              ))}
            </List>
          );
        }
        return (
          <p key={i}>
            {block.lines.map((l, j) => (
              <Fragment key={j}>
                {j > 0 ? <br /> : null}
                {inline(l)}
              </Fragment>
            ))}
          </p>
        );
      })}
    </div>
  );
}
