import type { VariantExhibit } from "@/lib/engine/questions/types";

const LANGUAGE_NAME = { c: "C", javascript: "JavaScript", text: "Text" } as const;

/** Shows one exhibit of a question: a workload table or a program listing. */
export function ExhibitView({ exhibit }: { exhibit: VariantExhibit }) {
  if (exhibit.kind === "table") {
    return (
      <div className="overflow-x-auto" data-slot="exhibit">
        <table className="min-w-full border-collapse text-sm tabular-nums">
          <caption className="mb-1 text-left text-sm font-medium">{exhibit.caption}</caption>
          <thead>
            <tr>
              {exhibit.columns.map((c) => (
                <th key={c} scope="col" className="border-b border-border px-3 py-1.5 text-left font-semibold">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {exhibit.rows.map((row, r) => (
              <tr key={r} className="even:bg-muted/60">
                {row.map((cell, c) =>
                  c === 0 ? (
                    <th key={c} scope="row" className="border-b border-border px-3 py-1.5 text-left font-medium">
                      {cell}
                    </th>
                  ) : (
                    <td key={c} className="border-b border-border px-3 py-1.5">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <figure className="flex flex-col gap-1" data-slot="exhibit">
      <figcaption className="text-sm font-medium">
        {exhibit.caption} <span className="font-normal text-muted-foreground">({LANGUAGE_NAME[exhibit.language]})</span>
      </figcaption>
      {/* tabIndex lets keyboard users scroll a wide listing; the label names it for screen readers. */}
      <pre tabIndex={0} aria-label={`${exhibit.caption}, ${LANGUAGE_NAME[exhibit.language]} source`} className="overflow-x-auto rounded-md border border-border bg-muted p-3 font-mono text-sm leading-relaxed">
        <code>{exhibit.source}</code>
      </pre>
    </figure>
  );
}
