"use client";
// Fork-tree explorer: the engine enumerates every output a small C program can print under all
// interleavings, its process tree, and which children become zombies or orphans.
import { useMemo, useState } from "react";
import { analyzeForkProgram, type ForkTreeNode, type OutputMode } from "@/lib/engine/process";
import { ErrorList, SelectField, Stat, WidgetFrame } from "./widget-kit";

const PRESETS = {
  "two forks": `#include <stdio.h>
#include <unistd.h>

int main(void) {
    fork();
    fork();
    printf("hi\\n");
    return 0;
}`,
  "buffered printf": `#include <stdio.h>
#include <unistd.h>

int main(void) {
    printf("A");
    fork();
    printf("B\\n");
    return 0;
}`,
  "fork + wait": `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    if (fork() == 0) {
        printf("child\\n");
        return 0;
    }
    wait(NULL);
    printf("parent\\n");
    return 0;
}`,
  "fork in a loop": `#include <stdio.h>
#include <unistd.h>

int main(void) {
    for (int i = 0; i < 2; i++) {
        if (fork() == 0) printf("child %d\\n", i);
    }
    return 0;
}`,
} as const;
type Preset = keyof typeof PRESETS;

function Tree({ node }: { node: ForkTreeNode }) {
  return (
    <li>
      <span className="font-mono">pid {node.pid}</span>
      {node.children.length > 0 ? (
        <ul className="ml-4 border-l border-border pl-3">
          {node.children.map((c) => (
            <Tree key={c.pid} node={c} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function ForkExplorerWidget() {
  const [preset, setPreset] = useState<Preset>("two forks");
  const [source, setSource] = useState<string>(PRESETS["two forks"]);
  const [mode, setMode] = useState<OutputMode>("pipe");
  const result = useMemo(() => analyzeForkProgram(source, { mode, maxOutputs: 200 }), [source, mode]);

  return (
    <WidgetFrame
      title="Fork-tree explorer"
      intro="Edit the C program (a subset: fork, wait, exec, printf, exit, if/for). Pipe mode buffers stdout fully, as in ./a.out | cat; a terminal buffers by line."
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Example"
          value={preset}
          options={(Object.keys(PRESETS) as Preset[]).map((k) => ({ value: k, label: k }))}
          onChange={(p) => {
            setPreset(p);
            setSource(PRESETS[p]);
          }}
        />
        <SelectField
          label="stdout is"
          value={mode}
          options={[
            { value: "pipe", label: "a pipe (fully buffered)" },
            { value: "tty", label: "a terminal (line buffered)" },
          ]}
          onChange={setMode}
        />
      </div>
      <label className="flex flex-col gap-1 text-sm">
        Program
        <textarea
          value={source}
          onChange={(e) => setSource(e.target.value)}
          rows={10}
          spellCheck={false}
          className="rounded-md border border-border bg-background p-2 font-mono text-xs"
        />
      </label>
      {result.ok ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="flex flex-col gap-2">
            <div className="grid grid-cols-2 gap-2">
              <Stat label="Processes" value={String(result.value.processCount)} />
              <Stat label="Lines printed" value={String(result.value.linesPrinted)} />
              <Stat
                label="Never reaped (zombie until parent exits)"
                value={result.value.neverReaped.join(", ") || "none"}
              />
              <Stat label="May be orphaned" value={result.value.mayBeOrphaned.join(", ") || "none"} />
            </div>
            <div className="text-sm">
              <div className="font-medium">Process tree</div>
              <ul className="mt-1 text-sm">
                <Tree node={result.value.tree} />
              </ul>
            </div>
          </div>
          <div className="text-sm">
            <div className="font-medium">
              {result.value.outputsComplete
                ? `${result.value.outputs.length} possible output(s)`
                : `A sample of the possible outputs`}
            </div>
            <ol className="mt-1 flex flex-col gap-1">
              {result.value.outputs.slice(0, 6).map((lines, i) => (
                <li key={i}>
                  <pre className="rounded bg-muted px-2 py-1 font-mono text-xs">{lines.join("\n") || "(nothing)"}</pre>
                </li>
              ))}
            </ol>
            {result.value.outputs.length > 6 ? (
              <p className="text-muted-foreground">…and {result.value.outputs.length - 6} more.</p>
            ) : null}
            {result.value.notes.map((n, i) => (
              <p key={i} className="mt-1 text-muted-foreground">
                {n}
              </p>
            ))}
          </div>
        </div>
      ) : (
        <ErrorList errors={result.errors} />
      )}
    </WidgetFrame>
  );
}
