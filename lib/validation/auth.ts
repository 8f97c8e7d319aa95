import { z } from "zod";

export const ROLES = ["STUDENT", "INSTRUCTOR", "ADMIN"] as const;
export type RoleName = (typeof ROLES)[number];

export const emailSchema = z
  .string({ error: "email is required" })
  .trim()
  .toLowerCase()
  .max(254, "email is longer than 254 characters")
  .pipe(z.email({ error: "email is not a valid address" }));

export const passwordSchema = z
  .string({ error: "password is required" })
  .min(8, "password must be at least 8 characters")
  .max(200, "password must be at most 200 characters");

/**
 * Self-service sign-up makes students. Instructor rights come from an invitation code (issued by an
 * instructor or admin) or an administrator approving a request; ADMIN only from the environment.
 */
export const signUpSchema = z
  .object({
    email: emailSchema,
    name: z
      .string({ error: "name is required" })
      .trim()
      .min(1, "name is required")
      .max(100, "name must be at most 100 characters"),
    password: passwordSchema,
    role: z
      .literal("STUDENT", { error: "role: instructor accounts need an invitation code or an administrator's approval" })
      .optional(),
    inviteCode: z
      .string({ error: "inviteCode must be a string" })
      .trim()
      .max(100, "inviteCode must be at most 100 characters")
      .optional(),
    requestInstructor: z.boolean({ error: "requestInstructor must be true or false" }).optional(),
    requestMessage: z
      .string({ error: "requestMessage must be a string" })
      .trim()
      .max(500, "requestMessage must be at most 500 characters")
      .optional(),
  })
  .strict();
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "password is required").max(200),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "currentPassword is required" }).min(1, "currentPassword is required").max(200),
    newPassword: passwordSchema,
  })
  .strict();

export const instructorDecisionSchema = z
  .object({ approved: z.boolean({ error: "approved must be true or false" }) })
  .strict();

export const createInviteSchema = z.object({}).strict();
