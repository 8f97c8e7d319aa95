import { z } from "zod";
import { submitAttemptSchema } from "./attempts";

// Printed worksheets and exams (lib/server/dal/print.ts) and shared questions (lib/server/dal/shared.ts).
// The print form is a GET form, so its fields arrive as strings; bounds keep one request's engine work small.
export const MAX_PRINT_COPIES = 40;
export const MAX_PRINT_QUESTIONS = 20;
/** Anonymous grades of shared questions per source address and window (enforced in lib/server/rate-limit.ts). */
export const MAX_SHARED_GRADES_PER_SOURCE = 30;
export const SHARED_GRADE_WINDOW_MS = 10 * 60 * 1000;

const slugList = z
  .string()
  .max(2000, "slugs: at most 2000 characters")
  .transform((s) => [...new Set(s.split(/[\s,]+/).filter(Boolean))])
  .pipe(
    z
      .array(z.string().regex(/^[a-z0-9-]{1,80}$/, "slugs: each must be a question slug"))
      .max(MAX_PRINT_QUESTIONS, `slugs: at most ${MAX_PRINT_QUESTIONS} questions`),
  );

export const printRequestSchema = z
  .object({
    slugs: slugList.optional(),
    assignment: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "assignment must be an assignment id")
      .optional(),
    copies: z.coerce
      .number({ error: "copies must be a number" })
      .int("copies must be a whole number")
      .min(1, "copies must be at least 1")
      .max(MAX_PRINT_COPIES, `copies must be at most ${MAX_PRINT_COPIES}`)
      .default(1),
    title: z.string().trim().max(120, "title: at most 120 characters").default(""),
    // Same key, same questions and copies: the same variants (a reprint matches the key already made).
    key: z.string().trim().max(64, "key: at most 64 characters").default(""),
  })
  .refine((r) => (r.slugs?.length ?? 0) > 0 || r.assignment !== undefined, {
    message: "slugs: pick at least one question or an assignment",
    path: ["slugs"],
  });
export type PrintRequest = z.infer<typeof printRequestSchema>;

export const shareQuestionSchema = z
  .object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/, "slug must be a question slug") })
  .strict();

/** An anonymous answer to a shared question: the answer's shape as for a graded attempt, no submission id. */
export const sharedAnswerSchema = z.object({ answer: submitAttemptSchema.shape.answer }).strict();

export type SearchParams = Record<string, string | string[] | undefined>;

/** The print form's fields from a page's query string, validated; errors name the field. */
export function readPrintParams(
  params: SearchParams,
): { ok: true; request: PrintRequest; query: string } | { ok: false; errors: string[] } {
  const pick = (key: string) => (typeof params[key] === "string" && params[key] !== "" ? params[key] : undefined);
  const raw = {
    slugs: pick("slugs"),
    assignment: pick("assignment"),
    copies: pick("copies"),
    title: pick("title"),
    key: pick("key"),
  };
  const parsed = printRequestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => i.message) };
  const query = new URLSearchParams(
    Object.entries(raw).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();
  return { ok: true, request: parsed.data, query };
}
