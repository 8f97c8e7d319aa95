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

/** Self-service sign-up: anyone may become a student or an instructor; ADMIN is never self-assigned. */
export const signUpSchema = z
  .object({
    email: emailSchema,
    name: z.string({ error: "name is required" }).trim().min(1, "name is required").max(100, "name must be at most 100 characters"),
    password: passwordSchema,
    role: z.enum(["STUDENT", "INSTRUCTOR"], { error: "role must be STUDENT or INSTRUCTOR" }).default("STUDENT"),
  })
  .strict();
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1, "password is required").max(200) });
