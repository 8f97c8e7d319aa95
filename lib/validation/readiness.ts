import { z } from "zod";

/** The interview date a student sets (a calendar day, YYYY-MM-DD), or null to clear it. */
export const interviewDateSchema = z.object({
  interviewDate: z
    .string({ error: "interviewDate must be a date such as 2027-01-15, or null" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "interviewDate must be a date such as 2027-01-15")
    .refine(
      (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
      "interviewDate is not a real calendar day",
    )
    .nullable(),
});

export type InterviewDateInput = z.infer<typeof interviewDateSchema>;
