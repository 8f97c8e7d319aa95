// Shared helpers for the built-in templates: grading presets, so each template states only what it
// changes from the engine's defaults.
import { TEMPLATE_DEFAULT_GRADING, type GradingSettings } from "@/lib/engine";

export function grading(over: Partial<GradingSettings> = {}): GradingSettings {
  return { ...TEMPLATE_DEFAULT_GRADING, ...over };
}

/** C programs are authored as line arrays so the TypeScript source stays readable. */
export function c(...lines: string[]): string {
  return [
    "#include <stdio.h>",
    "#include <stdlib.h>",
    "#include <unistd.h>",
    "#include <sys/wait.h>",
    "",
    ...lines,
    "",
  ].join("\n");
}

export function js(...lines: string[]): string {
  return [...lines, ""].join("\n");
}

/**
 * A concept pool with one part per item (issue #23): a variant asks one of these questions (seed mod
 * their number), so a review never shows the text it showed last time. Part ids stay unique.
 */
export function poolOfParts(parts: readonly Record<string, unknown>[]): { parts: Record<string, unknown>[] }[] {
  return parts.map((p) => ({ parts: [p] }));
}
