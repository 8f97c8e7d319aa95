import "server-only";
import type { Prisma } from "@/prisma/generated/sqlite/client";
import type { ProblemReportDto } from "@/lib/analytics/dto";
import { db } from "../db";
import { AppError } from "../errors";
import { assertTeacher } from "./class-access";
import { ownVariant } from "./variants";
import type { UserDto } from "./users";
import { isAdmin } from "@/lib/roles";

export type { ProblemReportDto };

// "Report a problem" on a question. The report carries the student's variant (its seed) so the
// instructor can reproduce exactly what the student saw. It goes to the question's author, to the
// instructors of the classes the reporting student belongs to, and to admins; nobody else. (A report on a
// built-in question by a student in no class reaches the admins only.)

export async function reportProblem(
  user: UserDto,
  input: { variantId: string; message: string },
): Promise<{ id: string }> {
  // Only one's own variant can be reported; anyone else's is missing (404), as everywhere.
  const variant = await ownVariant(user, input.variantId);
  const row = await db.problemReport.create({
    data: {
      userId: user.id,
      templateId: variant.templateId,
      variantId: variant.id,
      seed: variant.seed,
      message: input.message,
    },
    select: { id: true },
  });
  return row;
}

function inboxWhere(user: UserDto): Prisma.ProblemReportWhereInput {
  if (isAdmin(user)) return {};
  return {
    OR: [
      { template: { authorId: user.id } },
      { user: { classMemberships: { some: { class: { instructorId: user.id } } } } },
    ],
  };
}

export async function listReportInbox(
  user: UserDto,
  options: { resolved?: boolean } = {},
): Promise<ProblemReportDto[]> {
  assertTeacher(user);
  const rows = await db.problemReport.findMany({
    where: { ...inboxWhere(user), ...(options.resolved === undefined ? {} : { resolved: options.resolved }) },
    orderBy: { createdAt: "desc" },
    take: 200,
    include: { template: { select: { slug: true, title: true } }, user: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    slug: r.template.slug,
    questionTitle: r.template.title,
    studentName: r.user.name,
    variantId: r.variantId,
    seed: r.seed,
    message: r.message,
    resolved: r.resolved,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function setReportResolved(user: UserDto, reportId: string, resolved: boolean): Promise<void> {
  assertTeacher(user);
  const updated = await db.problemReport.updateMany({
    where: { id: reportId, ...inboxWhere(user) },
    data: { resolved, resolvedAt: resolved ? new Date() : null },
  });
  if (updated.count !== 1) throw new AppError("NOT_FOUND", "no such report");
}
