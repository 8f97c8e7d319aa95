// Shared result shape for everything in lib/engine/process: bad input is returned, never thrown,
// so the web grader and the CLI can show every message without try/catch at each call site.

/** One thing wrong with the input. `path` names the field (JSON input) or "line:column" (C source). */
export interface ProcessModelError {
  path: string;
  message: string;
}

export type ProcessModelResult<T> = { ok: true; value: T } | { ok: false; errors: ProcessModelError[] };

export function processModelFailure(path: string, message: string): { ok: false; errors: ProcessModelError[] } {
  return { ok: false, errors: [{ path, message }] };
}
