import "server-only";
import { z } from "zod";

// Bodies of the class, regrade and report routes. Messages name what is wrong so a 400 is actionable.

const slug = z.string().trim().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a question slug (kebab-case)");

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

export const createAssignmentSchema = z.object({
  title: z.string().trim().min(1, "give the assignment a title").max(120, "at most 120 characters"),
  slugs: z.array(slug).min(1, "pick at least one question").max(50, "at most 50 questions"),
  dueAt: z.iso.datetime({ offset: true, message: "must be an ISO date-time, e.g. 2026-12-01T23:59:00Z" }).nullish(),
});

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
export type CreateAssignmentInput = z.infer<typeof createAssignmentSchema>;
