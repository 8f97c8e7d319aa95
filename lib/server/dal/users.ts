import "server-only";
import type { SignUpInput } from "@/lib/validation/auth";
import { isUniqueViolation } from "@/lib/db/errors";
import { db } from "../db";
import { AppError } from "../errors";
import { hashPassword } from "@/lib/auth/password";

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: "STUDENT" | "INSTRUCTOR" | "ADMIN";
}

export async function createUser(input: SignUpInput): Promise<UserDto> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (error) {
    // The unique index is the arbiter: checking first and inserting after would race.
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "an account with this email already exists", { email: ["an account with this email already exists"] });
    }
    throw error;
  }
}
