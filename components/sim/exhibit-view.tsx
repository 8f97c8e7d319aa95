import type { VariantExhibit } from "@/lib/engine/questions";

const LANGUAGE_NAME = { c: "C", javascript: "JavaScript", text: "Text" } as const;

/** Words for the settings keys of the engine's models (capacity servers), where the key is not self-explanatory. */
const KEY_WORDS: Record<string, string> = {
  kind: "Model",
  name: "Name",
  poolSize: "Pool size",
  stackMiB: "Stack (MiB)",
  threadRssKiB: "Resident memory per thread (KiB)",
  kernelPerThreadKiB: "Kernel memory per thread (KiB)",
  pidMax: "pid_max",
  maxMapCount: "vm.max_map_count",
  threadsMax: "threads-max",
  ulimitU: "ulimit -u",
  ioOnThreadPool: "I/O on a thread pool",
  perConnectionKiB: "Memory per connection (KiB)",
  gomaxprocs: "GOMAXPROCS",
  goroutineStackKiB: "Goroutine stack (KiB)",
  ioKind: "I/O kind",
  maxThreads: "Max OS threads",
  carriers: "Carrier threads",
  virtualThreadKiB: "Memory per virtual thread (KiB)",
  pinnedFraction: "Pinned fraction",
};

function keyWords(key: string): string {
  if (KEY_WORDS[key]) return KEY_WORDS[key];
  const words = key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const SETTING = /^([A-Za-z][A-Za-z0-9]*): ([^,]*)$/;

/**
 * A text exhibit whose every line is "key: value, key: value" (one record per line, e.g. the server
 * models of a capacity question) reads as a table; anything else stays a listing.
 */
export function recordsOf(source: string): { columns: string[]; rows: Record<string, string>[] } | null {
  const lines = source.split("\n").filter((l) => l.trim() !== "");
  if (lines.length === 0) return null;
  const rows: Record<string, string>[] = [];
  const columns: string[] = [];
  for (const line of lines) {
    const row: Record<string, string> = {};
    for (const field of line.split(", ")) {
      const m = SETTING.exec(field.trim());
      if (!m) return null;
      row[m[1]] = m[2];
      if (!columns.includes(m[1])) columns.push(m[1]);
    }
    rows.push(row);
  }
  return { columns, rows };
}

/** Shows one exhibit of a question: a workload table, a table of records, or a program listing. */
export function ExhibitView({ exhibit }: { exhibit: VariantExhibit }) {
  const records = exhibit.kind === "code" && exhibit.language === "text" ? recordsOf(exhibit.source) : null;
  if (records) {
    return (
      <div className="overflow-x-auto" data-slot="exhibit">
        <table className="min-w-full border-collapse text-sm tabular-nums">
          <caption className="mb-1 text-left text-sm font-medium">{exhibit.caption}</caption>
          <thead>
            <tr>
              {records.columns.map((c) => (
                <th key={c} scope="col" className="border-b border-border px-3 py-1.5 text-left font-semibold">
                  {keyWords(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {records.rows.map((row, r) => (
              <tr key={r} className="even:bg-muted/60">
                {records.columns.map((c) => (
                  <td key={c} className="border-b border-border px-3 py-1.5">
                    {row[c] ?? "–"}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
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
        {exhibit.caption}
        {exhibit.language !== "text" ? (
          <span className="font-normal text-muted-foreground"> ({LANGUAGE_NAME[exhibit.language]})</span>
        ) : null}
      </figcaption>
      {/* tabIndex lets keyboard users scroll a wide listing; the label names it for screen readers. */}
      <pre
        tabIndex={0}
        aria-label={`${exhibit.caption}, ${LANGUAGE_NAME[exhibit.language]} source`}
        className="overflow-x-auto rounded-md border border-border bg-muted p-3 font-mono text-sm leading-relaxed"
      >
        <code>{exhibit.source}</code>
      </pre>
    </figure>
  );
}
