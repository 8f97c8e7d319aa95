// The instructor home (/dashboard for instructors and admins) against a real SQLite database: it is
// built from the class, report and analytics reads, so each of its lists is checked against those.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MIN_DISCRIMINATION_N } from "@/lib/analytics/discrimination";
import { type Answer, perturbAnswer, referenceAnswer } from "@/lib/engine";
import { useFreshDatabase } from "./support/use-database";

const submissionId = () => randomBytes(9).toString("base64url");
const DAY = 86_400_000;

describe("instructor home on sqlite", async () => {
  const { db } = await useFreshDatabase("sqlite");
  const { seed } = await import("@/prisma/seed");
  const { createUser } = await import("@/lib/server/dal/users");
  const variants = await import("@/lib/server/dal/variants");
  const attempts = await import("@/lib/server/dal/attempts");
  const classes = await import("@/lib/server/dal/classes");
  const analytics = await import("@/lib/server/dal/analytics");
  const reports = await import("@/lib/server/dal/reports");
  const { getInstructorHome } = await import("@/lib/server/dal/instructor-home");
  const { assignmentVariant } = await import("@/lib/server/dal/assessment");
  await seed(db, { demoAccounts: false });

  const mk = (name: string, role: "STUDENT" | "INSTRUCTOR") =>
    createUser({ email: `${name}-home@example.com`, name, password: `password-${name}`, role });
  const owner = await mk("owner", "INSTRUCTOR");
  const other = await mk("other", "INSTRUCTOR");
  // Discrimination is shown from MIN_DISCRIMINATION_N (30) students up, so the class needs that many.
  const students = await Promise.all(
    Array.from({ length: MIN_DISCRIMINATION_N }, (_, i) => mk(`s${i + 1}`, "STUDENT")),
  );
  const questions = await db.questionTemplate.findMany({
    where: { status: "PUBLISHED", builtIn: true },
    orderBy: { slug: "asc" },
    take: 3,
  });

  // Class analytics count an assignment's own variants (docs/instructors.md), so answers go through one.
  async function answer(student: (typeof students)[number], slug: string, right: boolean, assignmentId?: string) {
    const row = assignmentId
      ? (await assignmentVariant(student, assignmentId, slug)).variant
      : await variants.createVariant(student, slug);
    const loaded = await variants.loadVariant(row);
    const value: Answer = right ? referenceAnswer(loaded.built) : perturbAnswer(loaded.built, 5);
    await attempts.submitAttempt(student, row.id, { submissionId: submissionId(), answer: value });
    return row.id;
  }

  it("shows the instructor's classes, assignments due soon, open reports and the least discriminating questions", async () => {
    const now = new Date();
    const cls = await classes.createClass(owner, { name: "OS 101" });
    const archived = await classes.createClass(owner, { name: "Old class" });
    await classes.updateClass(owner, archived.id, { archived: true });
    await classes.createClass(other, { name: "Someone else's" });
    for (const s of students) await classes.joinClass(s, cls.joinCode);
    const slugs = questions.map((q) => q.slug);
    const soon = new Date(now.getTime() + 3 * DAY).toISOString();
    const week1 = await classes.createAssignment(owner, cls.id, { title: "Week 1", slugs, dueAt: soon });
    await classes.createAssignment(owner, cls.id, {
      title: "Later",
      slugs: slugs.slice(0, 1),
      dueAt: new Date(now.getTime() + 30 * DAY).toISOString(),
    });
    await classes.createAssignment(owner, cls.id, { title: "Undated", slugs: slugs.slice(0, 1) });

    // Right/wrong patterns that give the three questions different discrimination.
    const rightFor = [(i: number) => i < 15, (i: number) => i % 2 === 0, (i: number) => i >= 10];
    let reported = "";
    for (const [qi, right] of rightFor.entries()) {
      for (const [si, student] of students.entries()) {
        const variantId = await answer(student, slugs[qi]!, right(si), week1.id);
        if (si === 3) reported = variantId;
      }
    }
    await reports.reportProblem(students[3]!, { variantId: reported, message: "The timeline seems off" });
    const again = await answer(students[0]!, slugs[0]!, true);
    const resolvedOne = await reports.reportProblem(students[0]!, { variantId: again, message: "old" });
    await reports.setReportResolved(owner, resolvedOne.id, true);

    const home = await getInstructorHome(owner, now);
    expect(home.classes.map((c) => c.name)).toEqual(["OS 101"]);
    expect(home.dueSoon.map((a) => [a.title, a.className, a.dueAt, a.questions])).toEqual([
      ["Week 1", "OS 101", soon, 3],
    ]);
    expect(home.openReportCount).toBe(1);
    expect(home.openReports.map((r) => r.message)).toEqual(["The timeline seems off"]);

    // The worst-discrimination list is the class analytics' own rows, lowest first.
    const progress = await analytics.getClassProgress(owner, cls.id);
    const expected = progress.questions
      .filter((q) => q.discrimination !== null && q.students >= 3)
      .sort((a, b) => a.discrimination! - b.discrimination! || a.title.localeCompare(b.title))
      .map((q) => [q.slug, q.discrimination]);
    expect(expected.length).toBeGreaterThan(0);
    expect(home.worstDiscrimination.map((q) => [q.slug, q.discrimination])).toEqual(expected);

    // Another instructor sees only their own class; built-in questions' reports go to every instructor.
    const theirs = await getInstructorHome(other, now);
    expect(theirs.classes.map((c) => c.name)).toEqual(["Someone else's"]);
    expect(theirs.dueSoon).toEqual([]);
    expect(theirs.worstDiscrimination).toEqual([]);
    await expect(getInstructorHome(students[0]!, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
