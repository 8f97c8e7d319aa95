import "server-only";
import type { DueAssignment, InstructorHome, WeakQuestion } from "@/lib/analytics/instructor-home";
import { db } from "../db";
import { getClassProgress } from "./analytics";
import { assertTeacher } from "./class-access";
import { listTaughtClasses } from "./classes";
import { listReportInbox } from "./reports";
import type { UserDto } from "./users";

export type { DueAssignment, InstructorHome, WeakQuestion };

// The instructor's home (what /dashboard shows an instructor or admin): their classes, assignments
// due soon, open problem reports and the assigned questions that tell strong and weak students apart
// least. Built from the same DAL reads as the class and report pages, so it shows nothing those don't.

const DUE_WINDOW_DAYS = 14;
const OPEN_REPORTS = 5;
const WORST = 5;
/** Discrimination over a handful of students is noise; the class analytics page shows those. */
const MIN_STUDENTS = 3;
/** The per-class progress read is one statement per class; the home page looks at the newest few. */
const CLASSES_ANALYSED = 10;

export async function getInstructorHome(user: UserDto, now = new Date()): Promise<InstructorHome> {
  assertTeacher(user);
  const [classes, reports] = await Promise.all([listTaughtClasses(user), listReportInbox(user, { resolved: false })]);
  const active = classes.filter((c) => !c.archived);
  const names = new Map(active.map((c) => [c.id, c.name]));
  // Due from a day ago (just missed, still worth a look) to two weeks ahead.
  const due = await db.assignment.findMany({
    where: {
      classId: { in: [...names.keys()] },
      dueAt: { gte: new Date(now.getTime() - 86_400_000), lte: new Date(now.getTime() + DUE_WINDOW_DAYS * 86_400_000) },
    },
    orderBy: { dueAt: "asc" },
    take: 10,
    select: { id: true, classId: true, title: true, dueAt: true, slugs: true },
  });
  const progress = await Promise.all(
    active.slice(0, CLASSES_ANALYSED).map((c) => getClassProgress(user, c.id).then((p) => ({ cls: c, p }))),
  );
  const weak = progress
    .flatMap(({ cls, p }) =>
      p.questions
        .filter((q) => q.discrimination !== null && q.students >= MIN_STUDENTS)
        .map((q) => ({
          classId: cls.id,
          className: cls.name,
          slug: q.slug,
          title: q.title,
          students: q.students,
          discrimination: q.discrimination!,
        })),
    )
    .sort((a, b) => a.discrimination - b.discrimination || a.title.localeCompare(b.title))
    .slice(0, WORST);
  return {
    classes: active,
    dueSoon: due.map((a) => ({
      id: a.id,
      classId: a.classId,
      className: names.get(a.classId) ?? "",
      title: a.title,
      dueAt: a.dueAt!.toISOString(),
      questions: (JSON.parse(a.slugs) as string[]).length,
    })),
    openReports: reports.slice(0, OPEN_REPORTS),
    openReportCount: reports.length,
    worstDiscrimination: weak,
  };
}
