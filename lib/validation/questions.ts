import { z } from "zod";
import {
  QUESTION_TYPES,
  type QuestionTemplate,
  TOPIC_SLUGS,
  type ValidationIssue,
  validateTemplate,
} from "@/lib/engine";
import { MAX_IMAGES } from "@/lib/engine/questions";
import { topicSlugSchema } from "./topics";

// The outer shape of an authored question template. Bounds keep a hostile body away from the engine;
// the engine's validateTemplate then does the semantic check (generator spec, placeholders, a trial build).

/** A generator larger than this is refused before the engine walks it. */
export const MAX_GENERATOR_BYTES = 64 * 1024;

const shortText = (field: string, max: number) =>
  z.string({ error: `${field} must be text` }).max(max, `${field} must be at most ${max} characters`);

export const gradingSchema = z
  .object({
    scheduleScoring: z.enum(["per-slot", "segment-lcs", "strict-prefix"]).optional(),
    relativeTolerance: z.number().min(0).max(0.5).optional(),
    absoluteTolerance: z.number().min(0).max(1e9).optional(),
    conventionCredit: z.number().min(0).max(1).optional(),
    maxAttempts: z.number().int().min(1).max(1000).nullable().optional(),
    hintAfterAttempts: z.number().int().min(0).max(1000).optional(),
  })
  .strict();

export const templateSchema = z
  .object({
    slug: shortText("slug", 80).regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      "slug must be kebab-case (lowercase letters, digits and single dashes)",
    ),
    title: shortText("title", 200).min(1, "title is required"),
    type: z.enum(QUESTION_TYPES as unknown as [string, ...string[]], {
      error: `type must be one of ${QUESTION_TYPES.join(", ")}`,
    }),
    // One of the eight, or a lecturer topic's slug; the server checks that it exists and is the author's.
    topic: z.union([z.enum(TOPIC_SLUGS as unknown as [string, ...string[]]), topicSlugSchema], {
      error: `topic must be one of ${TOPIC_SLUGS.join(", ")} or the slug of a topic you defined`,
    }),
    tags: z.array(shortText("tag", 40).min(1, "a tag cannot be empty")).max(12, "at most 12 tags").default([]),
    difficulty: z
      .number({ error: "difficulty must be a number" })
      .int("difficulty must be a whole number")
      .min(1, "difficulty is 1 to 5")
      .max(5, "difficulty is 1 to 5"),
    prompt: shortText("prompt", 20_000),
    generator: z
      .record(z.string(), z.unknown(), { error: "generator must be a JSON object" })
      .refine(
        (g) => JSON.stringify(g).length <= MAX_GENERATOR_BYTES,
        `generator must be at most ${MAX_GENERATOR_BYTES / 1024} KB of JSON`,
      ),
    grading: gradingSchema.default({}),
    hints: z.array(shortText("hint", 5000)).max(10, "at most 10 hints").default([]),
    explanation: shortText("explanation", 20_000).default(""),
    // Checked in detail (type, signature, sizes) by the engine's validateTemplate.
    images: z.array(z.unknown()).max(MAX_IMAGES, `at most ${MAX_IMAGES} images`).optional(),
  })
  .strict();
export type TemplateInput = z.infer<typeof templateSchema>;

/** Create or edit: the template itself. */
export const saveQuestionSchema = z.object({ template: templateSchema }).strict();

export const questionStatusSchema = z
  .object({
    status: z.enum(["DRAFT", "PUBLISHED", "ARCHIVED"], { error: "status must be DRAFT, PUBLISHED or ARCHIVED" }),
  })
  .strict();

export const duplicateQuestionSchema = z
  .object({
    slug: shortText("slug", 80)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug must be kebab-case")
      .optional(),
  })
  .strict();

/** An uploaded bank: each template is then checked on its own so errors can name it. */
export const importBankSchema = z
  .object({
    format: z.literal("timeslice-bank", { error: 'format must be "timeslice-bank"' }),
    version: z.literal(1, { error: "version must be 1" }),
    templates: z.array(z.unknown()).min(1, "templates must not be empty").max(500, "at most 500 templates per import"),
  })
  .strict();

export const bankFilterSchema = z.object({
  q: z.string().max(100).optional(),
  topic: topicSlugSchema.optional(),
  tag: z.string().max(40).optional(),
  type: z.enum(QUESTION_TYPES as unknown as [string, ...string[]]).optional(),
  difficulty: z.coerce.number().int().min(1).max(5).optional(),
  status: z.enum(["DRAFT", "PUBLISHED", "ARCHIVED"]).optional(),
});
export type BankFilter = z.infer<typeof bankFilterSchema>;

/** A page's bank filter: bad or stray query values are dropped one by one, so a hand-edited URL still shows the bank. */
export function bankFilterFromPage(params: Record<string, string | string[] | undefined>): BankFilter {
  const filter: Record<string, unknown> = {};
  for (const key of ["q", "topic", "tag", "type", "difficulty", "status"] as const) {
    const value = params[key];
    if (typeof value !== "string" || value === "") continue;
    const one = bankFilterSchema.safeParse({ [key]: value });
    if (one.success) Object.assign(filter, one.data);
  }
  return filter as BankFilter;
}

export const exportFormatSchema = z.enum(["json", "gift", "moodle"], { error: "format must be json, gift or moodle" });

export type TemplateCheck = { ok: true; value: QuestionTemplate } | { ok: false; errors: ValidationIssue[] };

/**
 * The whole authoring check short of the self-test: the outer shape here, then the engine's semantic
 * validation. Shared by the editor (live errors) and the server (the authority).
 */
export function checkTemplate(input: unknown): TemplateCheck {
  const shape = templateSchema.safeParse(input);
  if (!shape.success) {
    return {
      ok: false,
      errors: shape.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "template", message: i.message })),
    };
  }
  const checked = validateTemplate(shape.data);
  return checked.ok ? checked : { ok: false, errors: checked.errors };
}
