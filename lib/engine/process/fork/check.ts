// Is one observed output possible, and if not, where does it go wrong? The search follows the
// output (see matchOutput), so it answers for programs far too large to list every order.
import { explainOutputOrder } from "./explain";
import { buildSchedule, matchOutput, type OutputMatch } from "./interleave";
import { splitOutputLines } from "./analyze";
import type { ForkModel } from "./types";

export interface ForkOutputCheck {
  possible: boolean;
  /** The search bound was hit before an answer. */
  undecided?: boolean;
  /** Where the output stops being possible: 1-based line and column in the checked text. */
  line?: number;
  column?: number;
  /** The text of that line (absent when the output ends too early). */
  found?: string;
  /** What the program could print there instead (whole lines, as they would read). */
  couldBe?: string[];
  /** One sentence on the rule the output breaks, when one rule explains it. */
  reason?: string;
  /** The timing case the position refers to (1-based, as in `branches`), when there are several. */
  timingCase?: number;
}

export function checkForkOutput(model: ForkModel, text: string): ForkOutputCheck {
  const cases = model.branches ?? [model];
  // A saved output may lack the final newline the program prints (or have one it does not).
  const texts = text.endsWith("\n") || text === "" ? [text] : [text + "\n", text];
  let best: { match: OutputMatch; index: number; text: string } | undefined;
  let undecided = false;
  for (const [index, c] of cases.entries()) {
    const schedule = buildSchedule(c.processes);
    for (const t of texts) {
      const match = matchOutput(schedule, t);
      if (match.verdict === "valid") return { possible: true, ...(cases.length > 1 ? { timingCase: index + 1 } : {}) };
      if (match.verdict === "undecided") undecided = true;
      if (!best || match.furthest > best.match.furthest) best = { match, index, text: t };
    }
  }
  if (undecided)
    return {
      possible: false,
      undecided: true,
      reason: "the program has too many interleavings to decide this output within the search bound",
    };
  const { match, index, text: checked } = best!;
  const at = match.furthest;
  const lineStart = checked.lastIndexOf("\n", at - 1) + 1;
  const line = checked.slice(0, at).split("\n").length;
  const lineEnd = checked.indexOf("\n", at);
  const found = at >= checked.length ? undefined : checked.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  const sofar = checked.slice(lineStart, at);
  const couldBe = [...new Set(match.next.map((chunk) => (sofar + chunk).split("\n")[0]!))];
  const verdict = explainOutputOrder(model, splitOutputLines(text));
  return {
    possible: false,
    line,
    column: at - lineStart + 1,
    ...(found !== undefined ? { found } : {}),
    couldBe,
    ...(verdict.reason ? { reason: verdict.reason } : {}),
    ...(cases.length > 1 ? { timingCase: index + 1 } : {}),
  };
}
