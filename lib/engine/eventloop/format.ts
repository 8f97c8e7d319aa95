// Plain-text rendering for the CLI and for lessons.
import type { EventLoopModel } from "./types";

function phaseLabel(queue: string, during: string): string {
  return queue === during ? queue : `${queue} (during ${during})`;
}

export function formatEventLoopModel(model: EventLoopModel): string {
  const out: string[] = [];
  out.push(
    model.deterministic
      ? "Deterministic: Node 20 always prints this order."
      : `Not deterministic: ${model.orders.length} possible orders.`,
  );
  for (const why of model.nondeterminism) out.push(`  - ${why}`);
  model.orders.forEach((order, i) => {
    out.push("");
    if (!model.deterministic) out.push(`Order ${i + 1}${i === 0 ? " (usual on an idle machine)" : ""}:`);
    const width = Math.max(0, ...order.map((l) => l.text.length));
    for (const line of order)
      out.push(`${line.text.padEnd(width)}   # ${phaseLabel(line.queue, line.during)}: ${line.source}`);
    const exit = model.exits[i];
    if (exit) out.push(`(exit code ${exit.code}: ${exit.reason})`);
  });
  return out.join("\n") + "\n";
}
