import type { Metadata } from "next";
import Link from "next/link";
import { MisconceptionCounts } from "@/components/analytics/misconceptions";
import { ClassProgressTable, ClassQuestionsTable } from "@/components/analytics/progress-table";
import { AssignForm } from "@/components/classes/assign-form";
import { AssignmentList, ClassHeaderActions, MemberList } from "@/components/classes/class-admin";
import { getClassProgress } from "@/lib/server/dal/analytics";
import { getClassMisconceptions } from "@/lib/server/dal/class-misconceptions";
import { getTaughtClass } from "@/lib/server/dal/classes";
import { orNotFound } from "@/lib/server/dal/page-guard";
import { listPickerQuestions } from "@/lib/server/dal/question-picker";
import { requirePageTeacher } from "@/lib/server/dal/session";

export const metadata: Metadata = { title: "Class" };

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requirePageTeacher(`/teach/classes/${classId}`);
  const [cls, progress, questions, misconceptions] = await Promise.all([
    orNotFound(getTaughtClass(user, classId)),
    orNotFound(getClassProgress(user, classId)),
    listPickerQuestions(user),
    orNotFound(getClassMisconceptions(user, classId)),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <div>
        <Link href="/teach/classes" className="text-sm underline">
          All classes
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{cls.name}</h1>
        {cls.archived ? (
          <p className="mt-1 text-sm font-medium" data-testid="archived">
            Archived: students do not see this class and its code does not work.
          </p>
        ) : null}
        <p className="mt-1 text-sm">
          Join code: <strong data-testid="join-code">{cls.joinCode}</strong> — students enter it at /classes.
        </p>
        <div className="mt-3">
          <ClassHeaderActions cls={cls} />
        </div>
      </div>

      <section aria-labelledby="assignments-heading" className="flex flex-col gap-3">
        <h2 id="assignments-heading" className="font-semibold">
          Assignments
        </h2>
        <AssignmentList cls={cls} />
        {cls.archived ? null : <AssignForm classId={cls.id} questions={questions} />}
      </section>

      <section aria-labelledby="students-heading" className="flex flex-col gap-3">
        <h2 id="students-heading" className="font-semibold">
          Students ({cls.students})
        </h2>
        <MemberList cls={cls} />
      </section>

      <section aria-labelledby="questions-heading" className="flex flex-col gap-3">
        <h2 id="questions-heading" className="font-semibold">
          Assigned questions
        </h2>
        <ClassQuestionsTable progress={progress} />
      </section>

      <section aria-labelledby="misconceptions-heading" className="flex flex-col gap-3">
        <h2 id="misconceptions-heading" className="font-semibold">
          Misconceptions across all questions
        </h2>
        <MisconceptionCounts items={misconceptions} students={cls.students} of="of the class" />
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
