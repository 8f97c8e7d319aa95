import type { VariantView } from "@/lib/engine/questions/types";
import { ExhibitView } from "./exhibit-view";

/** The workload or program a question is about, and the conventions it is graded under. */
export function VariantContext({ view }: { view: Pick<VariantView, "exhibits" | "conventions"> }) {
  return (
    <>
      {view.exhibits.map((exhibit, i) => (
        <ExhibitView key={i} exhibit={exhibit} />
      ))}
      {view.conventions.length > 0 ? (
        <div className="rounded-md border border-border bg-muted/50 p-3 text-sm">
          <p className="font-medium">Conventions</p>
          <ul className="mt-1 list-disc pl-5 text-muted-foreground">
            {view.conventions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
