import { z } from "zod";

// Bodies of the class, regrade and report routes. Messages name what is wrong so a 400 is actionable.

const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a question slug (kebab-case)");

export const createClassSchema = z.object({
  name: z.string().trim().min(1, "give the class a name").max(100, "at most 100 characters"),
});

export const joinClassSchema = z.object({
  code: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase().replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^[A-Z0-9]{4,16}$/, "a join code is 4–16 letters and digits")),
});

export const createAssignmentSchema = z
  .object({
    title: z.string().trim().min(1, "give the assignment a title").max(120, "at most 120 characters"),
    slugs: z.array(slug).min(1, "pick at least one question").max(50, "at most 50 questions"),
    dueAt: z.iso.datetime({ offset: true, message: "must be an ISO date-time, e.g. 2026-12-01T23:59:00Z" }).nullish(),
    // Assessment mode (lib/analytics/assessment.ts); the defaults are the old behaviour.
    maxAttempts: z
      .number({ message: "must be a whole number" })
      .int("must be a whole number")
      .min(1, "at least 1")
      .max(100, "at most 100")
      .nullish(),
    reveal: z
      .enum(["after-attempt", "after-due", "never"], { message: "must be after-attempt, after-due or never" })
      .default("after-attempt"),
    latePolicy: z.enum(["accept", "close"], { message: "must be accept or close" }).default("accept"),
    latePenalty: z
      .number({ message: "must be a fraction between 0 and 1" })
      .min(0, "at least 0")
      .max(1, "at most 1")
      .default(0),
    // Hint penalty (creditFor in lib/analytics/assessment.ts): a fraction of the question's credit per
    // hint opened, and the most all hints together may take off.
    hintPenalty: z
      .number({ message: "must be a fraction between 0 and 1" })
      .min(0, "at least 0")
      .max(1, "at most 1")
      .default(0),
    hintPenaltyMax: z
      .number({ message: "must be a fraction between 0 and 1" })
      .min(0, "at least 0")
      .max(1, "at most 1")
      .default(1),
  })
  .superRefine((v, ctx) => {
    // Both rules hinge on a due date; without one they would silently never apply.
    if (!v.dueAt && v.reveal === "after-due")
      ctx.addIssue({ code: "custom", path: ["dueAt"], message: "set a due date to reveal references after it" });
    if (!v.dueAt && v.latePolicy === "close")
      ctx.addIssue({ code: "custom", path: ["dueAt"], message: "set a due date to close the assignment at" });
  });

/** Archiving hides a class from its students and stops its join code; unarchiving undoes both. */
export const updateClassSchema = z.object({
  archived: z.boolean({ message: "must be true (archive) or false (unarchive)" }),
});

// Path segments are ids we generated (cuid or UUID): anything else is refused before a lookup.
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "is not an id");

export const classParamsSchema = z.object({ classId: id });
export const assignmentParamsSchema = z.object({ classId: id, assignmentId: id });
export const memberParamsSchema = z.object({ classId: id, userId: id });
export const assignmentIdParamsSchema = z.object({ assignmentId: id });

/** A student draws a variant of one of an assignment's questions (fresh: a new one, not the last). */
export const drawAssignmentVariantSchema = z
  .object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/, "must be a question slug"), fresh: z.boolean().default(false) })
  .strict();

export const regradeSchema = z.object({
  classId: z.string().min(1, "required").max(64),
  slug,
  dryRun: z.boolean(),
});

export const reportProblemSchema = z.object({
  variantId: z.string().min(1, "required").max(64),
  message: z.string().trim().min(3, "describe the problem in a few words").max(2000, "at most 2000 characters"),
});

export const resolveReportSchema = z.object({ resolved: z.boolean() });

export type CreateClassInput = z.infer<typeof createClassSchema>;
// The input side: DAL callers may leave the assessment settings out and get their defaults.
export type CreateAssignmentInput = z.input<typeof createAssignmentSchema>;
export type UpdateClassInput = z.infer<typeof updateClassSchema>;
