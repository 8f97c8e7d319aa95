import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// Marks the mock interview an answer is submitted through, so the attempt transaction can refuse a mock
// question answered anywhere else (e.g. the practice page, whose response includes the score).
const current = new AsyncLocalStorage<string>();

export function withMockSession<T>(sessionId: string, fn: () => Promise<T>): Promise<T> {
  return current.run(sessionId, fn);
}

export function activeMockSession(): string | undefined {
  return current.getStore();
}
