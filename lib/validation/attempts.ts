import { z } from "zod";

// The outer shape of a submission; the engine's checkAnswer then checks the parts against the variant.
// Bounds keep a hostile body (a 10 MB timeline, 10,000 parts) from reaching the grader.
const answerValue = z.union([
  z.array(z.union([z.string().max(64), z.null()])).max(2000),
  z.number(),
  z.string().max(2000),
]);

export const submitAttemptSchema = z
  .object({
    submissionId: z
      .string({ error: "submissionId is required" })
      .regex(/^[A-Za-z0-9_-]{8,64}$/, "submissionId must be 8–64 letters, digits, - or _"),
    answer: z
      .object({
        parts: z
          .record(z.string().max(64), answerValue)
          .refine((p) => Object.keys(p).length <= 50, "answer has too many parts"),
      })
      .strict(),
  })
  .strict();
export type SubmitAttemptInput = z.infer<typeof submitAttemptSchema>;

export const createVariantSchema = z
  .object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/, "slug must be a question slug") })
  .strict();
