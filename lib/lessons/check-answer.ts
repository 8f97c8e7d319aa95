// The answer of a lesson's inline check question and how a reply is judged. Apart from worked.ts so the
// browser can judge a reply without bundling the simulators that computed the answer.

export type CheckAnswer =
  | { kind: "number"; value: number; tolerance: number; unit: string }
  | { kind: "choice"; options: string[]; correct: string };

/** Is the reader's reply right? Numbers may carry the answer's unit and are judged within its tolerance. */
export function checkAnswer(answer: CheckAnswer, given: string): boolean {
  if (answer.kind === "choice") return given === answer.correct;
  const text = given.trim();
  const unit = answer.unit ? new RegExp(`\\s*${answer.unit.replace(/[/.]/g, "\\$&")}$`) : null;
  const n = Number(unit ? text.replace(unit, "") : text);
  return text !== "" && Number.isFinite(n) && Math.abs(n - answer.value) <= answer.tolerance + 1e-9;
}
