import "server-only";
import { randomInt } from "node:crypto";
import type { ClassSummaryDto, AssignmentDto, ClassDetailDto, JoinedClassDto, MyClassesDto } from "@/lib/analytics/dto";
import { asRules, rulesDto } from "@/lib/analytics/assessment";
import { gradeAssignment } from "@/lib/analytics/assignment-grades";
import { isUniqueViolation } from "@/lib/db/errors";
import { db } from "../db";
import { AppError } from "../errors";
import { queryAssignmentAttempts } from "./analytics-queries";
import { assertTeacher, taughtClass } from "./class-access";
import type { CreateAssignmentInput, CreateClassInput, UpdateClassInput } from "@/lib/validation/classes";
import type { UserDto } from "./users";
import { isAdmin } from "@/lib/roles";

export type { ClassSummaryDto, AssignmentDto, ClassDetailDto, JoinedClassDto, MyClassesDto };

// Classes, membership and assignments. Instructors manage their own classes (admins all); students
// join by code and only ever see their own classes' assignments and their own scores.

// No 0/O or 1/I: codes are read aloud and copied from slides.
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function newJoinCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

type ClassRow = { id: string; name: string; joinCode: string; createdAt: Date; archivedAt: Date | null };

function summary(row: ClassRow, students: number, assignments: number): ClassSummaryDto {
  return {
    id: row.id,
    name: row.name,
    joinCode: row.joinCode,
    students,
    assignments,
    createdAt: row.createdAt.toISOString(),
    archived: row.archivedAt !== null,
  };
}

/** Runs `write` with a fresh join code, drawing again on the rare collision with an existing one. */
async function withNewJoinCode<T>(write: (joinCode: string) => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await write(newJoinCode());
    } catch (error) {
      // 32^8 codes make a collision rare; the unique index decides, and we simply draw again.
      if (tries < 5 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

export async function createClass(user: UserDto, input: CreateClassInput): Promise<ClassSummaryDto> {
  assertTeacher(user);
  const row = await withNewJoinCode((joinCode) =>
    db.class.create({ data: { name: input.name, joinCode, instructorId: user.id } }),
  );
  return summary(row, 0, 0);
}

/** A new join code for a class, e.g. after the old one was posted publicly; the old one stops working. */
export async function regenerateJoinCode(user: UserDto, classId: string): Promise<ClassSummaryDto> {
  await taughtClass(user, classId);
  const row = await withNewJoinCode((joinCode) =>
    db.class.update({
      where: { id: classId },
      data: { joinCode },
      include: { _count: { select: { members: true, assignments: true } } },
    }),
  );
  return summary(row, row._count.members, row._count.assignments);
}

/**
 * Archives or unarchives a class. We archive rather than delete: attempts never belonged to a class,
 * but memberships, assignments and regrade history do, and an archived class keeps them all while
 * its students no longer see it and its code no longer joins.
 */
export async function updateClass(user: UserDto, classId: string, input: UpdateClassInput): Promise<ClassSummaryDto> {
  const cls = await taughtClass(user, classId);
  const archivedAt = input.archived ? (cls.archivedAt ?? new Date()) : null;
  const row = await db.class.update({
    where: { id: classId },
    data: { archivedAt },
    include: { _count: { select: { members: true, assignments: true } } },
  });
  return summary(row, row._count.members, row._count.assignments);
}

export async function listTaughtClasses(user: UserDto): Promise<ClassSummaryDto[]> {
  assertTeacher(user);
  const rows = await db.class.findMany({
    where: isAdmin(user) ? {} : { instructorId: user.id },
    orderBy: { createdAt: "desc" },
    include: { _count: { select: { members: true, assignments: true } } },
  });
  return rows.map((r) => summary(r, r._count.members, r._count.assignments));
}

type AssignmentRow = {
  id: string;
  classId: string;
  title: string;
  slugs: string;
  dueAt: Date | null;
  createdAt: Date;
  maxAttempts: number | null;
  reveal: string;
  latePolicy: string;
  latePenalty: number;
  hintPenalty: number;
  hintPenaltyMax: number;
};

/**
 * Assignment DTOs with, when `scoresOf` is given, that one student's credit per question and grade,
 * from their attempts on variants drawn from the assignment under its rules (assignment-grades.ts).
 */
async function toAssignmentDtos(
  rows: AssignmentRow[],
  classNames: Map<string, string>,
  scoresOf?: string,
): Promise<AssignmentDto[]> {
  const slugs = [...new Set(rows.flatMap((r) => JSON.parse(r.slugs) as string[]))];
  const templates = await db.questionTemplate.findMany({
    where: { slug: { in: slugs } },
    select: { id: true, slug: true, title: true },
  });
  const bySlug = new Map(templates.map((t) => [t.slug, t]));
  const slugByTemplate = new Map(templates.map((t) => [t.id, t.slug]));
  const counted = scoresOf
    ? await queryAssignmentAttempts(
        db,
        rows.map((r) => r.id),
        [scoresOf],
      )
    : [];
  return rows.map((r) => {
    const rules = asRules(r);
    const questionSlugs = JSON.parse(r.slugs) as string[];
    const mine = scoresOf
      ? gradeAssignment({ id: r.id, createdAt: r.createdAt, slugs: questionSlugs, rules }, slugByTemplate, counted).get(
          scoresOf,
        )
      : undefined;
    return {
      id: r.id,
      classId: r.classId,
      className: classNames.get(r.classId) ?? "",
      title: r.title,
      dueAt: r.dueAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      rules: rulesDto(rules),
      questions: questionSlugs.map((slug) => {
        const q = mine?.questions[slug];
        return {
          slug,
          title: bySlug.get(slug)?.title ?? slug,
          bestScore: q?.credit ?? null,
          attempts: q?.attempts ?? 0,
        };
      }),
      grade: mine?.grade ?? null,
    };
  });
}

export async function getTaughtClass(user: UserDto, classId: string): Promise<ClassDetailDto> {
  const cls = await taughtClass(user, classId);
  const [members, assignments] = await Promise.all([
    db.classMember.findMany({
      where: { classId },
      orderBy: { joinedAt: "asc" },
      include: { user: { select: { id: true, name: true, email: true } } },
    }),
    db.assignment.findMany({ where: { classId }, orderBy: { createdAt: "desc" } }),
  ]);
  return {
    ...summary(cls, members.length, assignments.length),
    members: members.map((m) => ({
      id: m.user.id,
      name: m.user.name,
      email: m.user.email,
      joinedAt: m.joinedAt.toISOString(),
    })),
    assignmentList: await toAssignmentDtos(assignments, new Map([[cls.id, cls.name]])),
  };
}

export async function createAssignment(
  user: UserDto,
  classId: string,
  input: CreateAssignmentInput,
): Promise<AssignmentDto> {
  const cls = await taughtClass(user, classId);
  if (cls.archivedAt) throw new AppError("CONFLICT", "this class is archived; unarchive it before assigning questions");
  const slugs = [...new Set(input.slugs)];
  const found = await db.questionTemplate.findMany({
    where: { slug: { in: slugs }, status: "PUBLISHED" },
    select: { slug: true },
  });
  const published = new Set(found.map((f) => f.slug));
  const missing = slugs.filter((s) => !published.has(s));
  if (missing.length) {
    const message = `not published questions: ${missing.join(", ")}`;
    throw new AppError("INVALID_INPUT", `slugs: ${message}`, { slugs: [message] });
  }
  const row = await db.assignment.create({
    data: {
      classId,
      title: input.title,
      slugs: JSON.stringify(slugs),
      dueAt: input.dueAt ? new Date(input.dueAt) : null,
      maxAttempts: input.maxAttempts ?? null,
      reveal: input.reveal ?? "after-attempt",
      latePolicy: input.latePolicy ?? "accept",
      latePenalty: input.latePenalty ?? 0,
      hintPenalty: input.hintPenalty ?? 0,
      hintPenaltyMax: input.hintPenaltyMax ?? 1,
    },
  });
  const [dto] = await toAssignmentDtos([row], new Map([[cls.id, cls.name]]));
  return dto!;
}

/** Deletes one assignment of the class; students' attempts at its questions stay. */
export async function deleteAssignment(user: UserDto, classId: string, assignmentId: string): Promise<void> {
  await taughtClass(user, classId);
  const deleted = await db.assignment.deleteMany({ where: { id: assignmentId, classId } });
  if (deleted.count !== 1) throw new AppError("NOT_FOUND", "no such assignment in this class");
}

/** Removes a student from the class; their attempts stay (they are the student's, not the class's). */
export async function removeMember(user: UserDto, classId: string, studentId: string): Promise<void> {
  await taughtClass(user, classId);
  const deleted = await db.classMember.deleteMany({ where: { classId, userId: studentId } });
  if (deleted.count !== 1) throw new AppError("NOT_FOUND", "this student is not in the class");
}

/** A student leaves one of their classes; they can join again with the code. */
export async function leaveClass(user: UserDto, classId: string): Promise<void> {
  const deleted = await db.classMember.deleteMany({ where: { classId, userId: user.id } });
  if (deleted.count !== 1) throw new AppError("NOT_FOUND", "you are not in this class");
}

/** Any signed-in user may join with a code; joining twice is harmless. Archived classes cannot be joined. */
export async function joinClass(user: UserDto, code: string): Promise<JoinedClassDto> {
  const cls = await db.class.findUnique({
    where: { joinCode: code },
    include: { instructor: { select: { name: true } } },
  });
  if (!cls || cls.archivedAt)
    throw new AppError("NOT_FOUND", `no class has the join code ${code}; check it with your instructor`, {
      code: ["no class has this join code"],
    });
  if (cls.instructorId === user.id) throw new AppError("CONFLICT", "you teach this class");
  await db.classMember.upsert({
    where: { classId_userId: { classId: cls.id, userId: user.id } },
    create: { classId: cls.id, userId: user.id },
    update: {},
  });
  return { id: cls.id, name: cls.name, instructorName: cls.instructor.name };
}

/** The signed-in student's (unarchived) classes and their assignments, soonest due first, with their own scores. */
export async function listMyAssignments(user: UserDto): Promise<MyClassesDto> {
  const memberships = await db.classMember.findMany({
    where: { userId: user.id, class: { archivedAt: null } },
    include: { class: { select: { id: true, name: true, instructor: { select: { name: true } } } } },
    orderBy: { joinedAt: "asc" },
  });
  const classes = memberships.map((m) => ({
    id: m.class.id,
    name: m.class.name,
    instructorName: m.class.instructor.name,
  }));
  const rows = await db.assignment.findMany({
    where: { classId: { in: classes.map((c) => c.id) } },
    orderBy: [{ dueAt: "asc" }, { createdAt: "desc" }],
  });
  // Assignments without a due date go last, after dated ones in order.
  rows.sort((a, b) => (a.dueAt ? a.dueAt.getTime() : Infinity) - (b.dueAt ? b.dueAt.getTime() : Infinity));
  const assignments = await toAssignmentDtos(rows, new Map(classes.map((c) => [c.id, c.name])), user.id);
  // Only published questions are shown: a question unpublished after assigning is not a student's business.
  const published = new Set(
    (
      await db.questionTemplate.findMany({
        where: { slug: { in: assignments.flatMap((a) => a.questions.map((q) => q.slug)) }, status: "PUBLISHED" },
        select: { slug: true },
      })
    ).map((t) => t.slug),
  );
  return {
    classes,
    assignments: assignments.map((a) => ({ ...a, questions: a.questions.filter((q) => published.has(q.slug)) })),
  };
}
