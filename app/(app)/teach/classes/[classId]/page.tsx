import type { Metadata } from "next";
import Link from "next/link";
import { ClassProgressTable, ClassQuestionsTable } from "@/components/analytics/progress-table";
import { AssignForm } from "@/components/classes/assign-form";
import { getClassProgress } from "@/lib/server/dal/analytics";
import { getTaughtClass } from "@/lib/server/dal/classes";
import { listPublishedSlugs } from "@/lib/server/dal/class-access";
import { orNotFound } from "@/lib/server/dal/page-guard";
import { requirePageRole } from "@/lib/server/dal/session";

export const metadata: Metadata = { title: "Class" };

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requirePageRole(`/teach/classes/${classId}`, "INSTRUCTOR", "ADMIN");
  const [cls, progress, slugs] = await Promise.all([orNotFound(getTaughtClass(user, classId)), orNotFound(getClassProgress(user, classId)), listPublishedSlugs()]);
  return (
    <div className="flex flex-col gap-8">
      <div>
        <Link href="/teach/classes" className="text-sm underline">
          All classes
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{cls.name}</h1>
        <p className="mt-1 text-sm">
          Join code: <strong data-testid="join-code">{cls.joinCode}</strong> — students enter it at /classes.
        </p>
      </div>

      <section aria-labelledby="assignments-heading" className="flex flex-col gap-3">
        <h2 id="assignments-heading" className="font-semibold">
          Assignments
        </h2>
        {cls.assignmentList.length === 0 ? <p className="text-sm text-muted-foreground">None yet.</p> : null}
        <ul className="flex flex-col gap-2">
          {cls.assignmentList.map((a) => (
            <li key={a.id} className="text-sm">
              <strong>{a.title}</strong> {a.dueAt ? `· due ${new Date(a.dueAt).toUTCString()}` : ""} · {a.questions.map((q) => q.title).join(", ")}
            </li>
          ))}
        </ul>
        <AssignForm classId={cls.id} publishedSlugs={slugs} />
      </section>

      <section aria-labelledby="questions-heading" className="flex flex-col gap-3">
        <h2 id="questions-heading" className="font-semibold">
          Assigned questions
        </h2>
        <ClassQuestionsTable progress={progress} />
      </section>

      <section aria-labelledby="progress-heading" className="flex flex-col gap-3">
        <div className="flex items-baseline gap-4">
          <h2 id="progress-heading" className="mr-auto font-semibold">
            Progress by student and topic ({cls.students} students)
          </h2>
          <a href={`/api/teach/classes/${cls.id}/progress?format=csv`} className="text-sm underline">
            Download CSV
          </a>
        </div>
        <ClassProgressTable progress={progress} />
      </section>
    </div>
  );
}
