// The explain prompts' types and limits, apart from the pool itself (mock-prompts.ts) so a client
// component can use them without bundling the model answers into the browser's JavaScript.

export type MockPromptKind = "explain" | "trade-off" | "design";

export interface MockKeyPoint {
  id: string;
  text: string;
}

/** What the candidate sees before answering: no model answer, no key points. */
export interface MockPromptView {
  id: string;
  kind: MockPromptKind;
  topic: string;
  prompt: string;
}

export const MAX_EXPLAIN_CHARS = 8000;
