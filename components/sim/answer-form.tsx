"use client";

import { AnswerFormShell, type AnswerFormProps } from "./answer-form-shell";
import { partInputFor } from "./part-inputs";

export type { AnswerFormProps } from "./answer-form-shell";

/** Renders a question's prompt, exhibits and answer parts (any kind), and collects the Answer. */
export function AnswerForm(props: AnswerFormProps) {
  return <AnswerFormShell {...props} inputFor={partInputFor} />;
}
