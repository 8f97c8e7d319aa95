"use client";
// Event-loop order explorer: the engine lists every order Node 20 can print for a small program,
// with the queue each line came from.
import { useMemo, useState } from "react";
import { modelEventLoop } from "@/lib/engine/eventloop";
import { ErrorList, SelectField, WidgetFrame } from "./widget-kit";

const PRESETS = {
  "timers vs immediates": `setTimeout(() => console.log("timeout"), 0);
setImmediate(() => console.log("immediate"));
Promise.resolve().then(() => console.log("then"));
process.nextTick(() => console.log("tick"));
console.log("main");`,
  "inside an I/O callback": `const fs = require("fs");
fs.readFile(__filename, () => {
  setTimeout(() => console.log("timeout"), 0);
  setImmediate(() => console.log("immediate"));
});
console.log("main");`,
  "async/await": `async function f() {
  console.log("f start");
  await null;
  console.log("f after await");
}
f();
Promise.resolve().then(() => console.log("then"));
console.log("main end");`,
} as const;
type Preset = keyof typeof PRESETS;

export function EventLoopOrderWidget() {
  const [preset, setPreset] = useState<Preset>("timers vs immediates");
  const [source, setSource] = useState<string>(PRESETS["timers vs immediates"]);
  const result = useMemo(() => modelEventLoop(source), [source]);
  return (
    <WidgetFrame
      title="Event-loop order explorer"
      intro="Edit the program (CommonJS; console.log, timers, setImmediate, nextTick, promises, async/await, fs). Every order Node 20 can print is listed."
    >
      <SelectField
        label="Example"
        value={preset}
        options={(Object.keys(PRESETS) as Preset[]).map((k) => ({ value: k, label: k }))}
        onChange={(p) => {
          setPreset(p);
          setSource(PRESETS[p]);
        }}
      />
      <label className="flex flex-col gap-1 text-sm">
        Program
        <textarea
          value={source}
          onChange={(e) => setSource(e.target.value)}
          rows={8}
          spellCheck={false}
          className="rounded-md border border-border bg-background p-2 font-mono text-xs"
        />
      </label>
      {result.ok ? (
        <div className="text-sm">
          <p className="font-medium">
            {result.value.deterministic ? "Always the same order:" : `${result.value.orders.length} possible orders:`}
          </p>
          <div className="mt-1 grid gap-2 sm:grid-cols-2">
            {result.value.orders.slice(0, 4).map((order, i) => (
              <ol key={i} className="list-decimal rounded-md border border-border py-2 pl-8 pr-2">
                {order.map((line, j) => (
                  <li key={j}>
                    <span className="font-mono">{line.text}</span>{" "}
                    <span className="text-xs text-muted-foreground">
                      ({line.queue}
                      {line.during !== line.queue ? `, during ${line.during}` : ""})
                    </span>
                  </li>
                ))}
              </ol>
            ))}
          </div>
          {result.value.nondeterminism.map((why, i) => (
            <p key={i} className="mt-1 text-muted-foreground">
              Why it varies: {why}.
            </p>
          ))}
        </div>
      ) : (
        <ErrorList errors={result.errors} />
      )}
    </WidgetFrame>
  );
}
