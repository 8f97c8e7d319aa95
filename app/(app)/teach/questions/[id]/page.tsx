import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuestionActions } from "@/components/teach/question-actions";
import { QuestionEditor } from "@/components/teach/question-editor";
import { getAuthoredQuestion } from "@/lib/server/dal/authoring";
import { requirePageTeacher } from "@/lib/server/dal/session";
import { listOwnTopics } from "@/lib/server/dal/topics";
import { AppError } from "@/lib/server/errors";

export const metadata: Metadata = { title: "Edit question" };

type Props = { params: Promise<{ id: string }> };

export default async function EditQuestionPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageTeacher(`/teach/questions/${id}`);
  const question = await getAuthoredQuestion(user, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });

  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-muted-foreground">
        <Link href="/teach" className="underline">
          Question bank
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-bold">{question.title}</h1>
        <span className="rounded-full border border-border px-3 py-1 text-sm" data-testid="question-status">
          {question.status.toLowerCase()}
        </span>
        <span className="text-sm text-muted-foreground" data-testid="question-version">
          version {question.currentVersion}
        </span>
      </div>
      <QuestionActions id={question.id} status={question.status} editable={question.editable} />
      {!question.editable ? (
        <p className="rounded-md border border-border bg-muted p-3 text-sm">
          {question.builtIn
            ? "This is a built-in question: duplicate it to make an editable copy."
            : "You cannot edit this question."}
        </p>
      ) : question.status !== "DRAFT" ? (
        <p className="text-sm text-muted-foreground">
          Saving a {question.status.toLowerCase()} question creates a new version; attempts keep the version they were
          graded with.
        </p>
      ) : null}
      <QuestionEditor
        key={`${question.id}:${question.currentVersion}`}
        initial={question.spec}
        questionId={question.id}
        readOnly={!question.editable}
        topics={await listOwnTopics(user)}
      />
      <details className="rounded-md border border-border p-3 text-sm">
        <summary className="cursor-pointer font-medium">Versions</summary>
        <ul className="mt-2">
          {question.versions.map((v) => (
            <li key={v.version}>
              v{v.version} · {new Date(v.createdAt).toLocaleString()} · {v.attempts} attempt
              {v.attempts === 1 ? "" : "s"}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
