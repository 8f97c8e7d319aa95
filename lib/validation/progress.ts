import { z } from "zod";
import { submitAttemptSchema } from "@/lib/validation/attempts";
import { MOCK_DURATIONS_MIN } from "@/lib/progress/mock";
import { MAX_EXPLAIN_CHARS } from "@/lib/progress/mock-prompts";
import { MAX_RETENTION, MIN_RETENTION } from "@/lib/progress/schedule";
import { isTimeZone } from "@/lib/progress/timezone";

// Request bodies of the progress routes. Bounds are checked here so the DAL only sees sane values.

export const settingsPatchSchema = z
  .object({
    retention: z
      .number({ error: "retention must be a number" })
      .min(MIN_RETENTION, `retention must be at least ${MIN_RETENTION}`)
      .max(MAX_RETENTION, `retention must be at most ${MAX_RETENTION}`)
      .optional(),
    streaksEnabled: z.boolean({ error: "streaksEnabled must be true or false" }).optional(),
    // The browser's IANA zone (Intl.DateTimeFormat().resolvedOptions().timeZone), checked against Intl.
    timeZone: z
      .string({ error: "timeZone must be a string" })
      .max(64, "timeZone must be at most 64 characters")
      .refine(isTimeZone, "timeZone must be an IANA time zone name such as Europe/Berlin")
      .optional(),
  })
  .strict();

export const startMockSchema = z
  .object({
    minutes: z.union(
      MOCK_DURATIONS_MIN.map((m) => z.literal(m)) as unknown as [z.ZodLiteral<15>, z.ZodLiteral<30>, z.ZodLiteral<45>],
      {
        error: `minutes must be one of ${MOCK_DURATIONS_MIN.join(", ")}`,
      },
    ),
  })
  .strict();

// The body of POST /api/review/next: empty for the most overdue card, or the slug of one due card.
export const startReviewSchema = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9-]{1,80}$/, "slug must be a question slug")
      .optional(),
  })
  .strict();

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be an id");

export const mockAnswerSchema = submitAttemptSchema.extend({ itemId: id }).strict();

export const historyQuerySchema = z.object({
  cursor: id.optional(),
  limit: z.coerce.number().int("limit must be a whole number").min(1).max(100).optional(),
});

// The candidate's free-text answer to the mock's explain prompt.
export const mockExplainSchema = z
  .object({
    text: z
      .string({ error: "text must be a string" })
      .trim()
      .min(1, "text must not be empty")
      .max(MAX_EXPLAIN_CHARS, `text must be at most ${MAX_EXPLAIN_CHARS} characters`),
  })
  .strict();

// The key points the candidate says they covered (ids from the prompt's rubric).
export const mockAssessSchema = z
  .object({
    covered: z
      .array(z.string().regex(/^[a-z0-9-]{1,60}$/, "covered must hold key-point ids"), {
        error: "covered must be a list of key-point ids",
      })
      .max(20, "covered has at most 20 ids"),
  })
  .strict();
