import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { RoleName, SignUpInput } from "@/lib/validation/auth";
import { isUniqueViolation } from "@/lib/db/errors";
import { db } from "../db";
import { AppError } from "../errors";
import { assertRole, assertTeacher } from "./session";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: "STUDENT" | "INSTRUCTOR" | "ADMIN";
}

const USER_FIELDS = { id: true, email: true, name: true, role: true } as const;

/** Creates an account with a given role: for the seed and tests. Visitors sign up through signUp(). */
export async function createUser(input: {
  email: string;
  name: string;
  password: string;
  role?: RoleName;
}): Promise<UserDto> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, role: input.role ?? "STUDENT", passwordHash },
      select: USER_FIELDS,
    });
  } catch (error) {
    // The unique index is the arbiter: checking first and inserting after would race.
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "an account with this email already exists", {
        email: ["an account with this email already exists"],
      });
    throw error;
  }
}

/** What sign-up says whether or not the email already had an account, so it cannot be used to probe for one. */
export const SIGN_UP_ANSWER = "If this email was not registered yet, the account is ready: sign in with it.";

export const INVITE_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

const hashCode = (code: string) => createHash("sha256").update(code.trim()).digest("hex");

/**
 * Self-service sign-up. Everyone starts as a student; an unused, unexpired invitation code makes the
 * account an instructor (and is used up in the same transaction), and `requestInstructor` files a
 * request an administrator decides on /admin. An email that already has an account gets exactly the
 * same answer as a new one and nothing changes, so sign-up does not reveal which emails exist.
 */
export async function signUp(input: SignUpInput, now = new Date()): Promise<{ message: string }> {
  const passwordHash = await hashPassword(input.password);
  const code = input.inviteCode?.trim() || undefined;
  const invite = code
    ? await db.instructorInvite.findFirst({
        where: { codeHash: hashCode(code), usedById: null, expiresAt: { gt: now } },
        select: { id: true },
      })
    : null;
  if (code && !invite) {
    throw new AppError(
      "INVALID_INPUT",
      "inviteCode: this invitation code is not valid (already used, expired or mistyped)",
      { inviteCode: ["this invitation code is not valid (already used, expired or mistyped)"] },
    );
  }
  try {
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: invite ? "INSTRUCTOR" : "STUDENT", passwordHash },
        select: { id: true },
      });
      if (invite) {
        // Guarded by usedById: two sign-ups racing for one code cannot both become instructors.
        const used = await tx.instructorInvite.updateMany({
          where: { id: invite.id, usedById: null },
          data: { usedById: user.id, usedAt: now },
        });
        if (used.count !== 1)
          throw new AppError("INVALID_INPUT", "inviteCode: this invitation code was just used", {
            inviteCode: ["this invitation code was just used"],
          });
      } else if (input.requestInstructor) {
        await tx.instructorRequest.create({ data: { userId: user.id, message: input.requestMessage ?? "" } });
      }
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return { message: SIGN_UP_ANSWER };
}

/** Ends every session of the account (sign-out, password change): older session cookies stop working. */
export async function endAllSessions(user: Pick<UserDto, "id">): Promise<void> {
  await db.user.updateMany({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
}

export async function changePassword(
  user: UserDto,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError("INVALID_INPUT", "currentPassword: the current password is wrong", {
      currentPassword: ["the current password is wrong"],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
}

/** A new single-use instructor invitation; the code is shown once and only its hash is kept. */
export async function createInstructorInvite(
  user: UserDto,
  now = new Date(),
): Promise<{ code: string; expiresAt: string }> {
  assertTeacher(user);
  const code = randomBytes(12).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
  await db.instructorInvite.create({ data: { codeHash: hashCode(code), createdById: user.id, expiresAt } });
  return { code, expiresAt: expiresAt.toISOString() };
}

export interface InstructorRequestDto {
  id: string;
  name: string;
  email: string;
  message: string;
  createdAt: string;
}

export async function listInstructorRequests(user: UserDto): Promise<InstructorRequestDto[]> {
  assertRole(user, "ADMIN");
  const rows = await db.instructorRequest.findMany({
    where: { decidedAt: null },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: { id: true, message: true, createdAt: true, user: { select: { name: true, email: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.user.name,
    email: r.user.email,
    message: r.message,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** An administrator's decision; approving makes the requester an instructor on their next request. */
export async function decideInstructorRequest(
  user: UserDto,
  requestId: string,
  approved: boolean,
  now = new Date(),
): Promise<void> {
  assertRole(user, "ADMIN");
  await db.$transaction(async (tx) => {
    const decided = await tx.instructorRequest.updateMany({
      where: { id: requestId, decidedAt: null },
      data: { decidedAt: now, approved },
    });
    if (decided.count !== 1) throw new AppError("NOT_FOUND", "no such open request");
    if (approved) {
      const row = await tx.instructorRequest.findUniqueOrThrow({ where: { id: requestId }, select: { userId: true } });
      // An admin stays an admin.
      await tx.user.updateMany({ where: { id: row.userId, role: "STUDENT" }, data: { role: "INSTRUCTOR" } });
    }
  });
}
