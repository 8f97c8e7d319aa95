import { randomBytes } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { QuestionEditor } from "@/components/teach/question-editor";
import { EXAMPLE_TEMPLATES } from "@/lib/engine";
import { requirePageTeacher } from "@/lib/server/dal/session";
import { listOwnTopics } from "@/lib/server/dal/topics";

export const metadata: Metadata = { title: "New question" };

type Props = { searchParams: Promise<{ example?: string }> };

export default async function NewQuestionPage({ searchParams }: Props) {
  const user = await requirePageTeacher("/teach/questions/new");
  const topics = await listOwnTopics(user);
  const { example } = await searchParams;
  const start = EXAMPLE_TEMPLATES.find((t) => t.slug === example);

  if (!start) {
    return (
      <div className="flex flex-col gap-6">
        <p className="text-sm text-muted-foreground">
          <Link href="/teach" className="underline">
            Question bank
          </Link>
        </p>
        <h1 className="text-2xl font-bold">New question</h1>
        <p className="text-muted-foreground">
          Start from a worked example of each question type, then change what you need.
        </p>
        <ul className="grid gap-3 sm:grid-cols-2" aria-label="Examples">
          {EXAMPLE_TEMPLATES.map((t) => (
            <li key={t.slug} className="rounded-lg border border-border bg-card p-4">
              <Link href={`/teach/questions/new?example=${t.slug}`} className="font-medium underline">
                {t.type}: {t.title}
              </Link>
              <p className="mt-1 text-sm text-muted-foreground">
                {t.topic} · difficulty {t.difficulty}
              </p>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  // A fresh slug so the example can be saved as is without colliding with an earlier copy.
  const suffix = randomBytes(3).toString("hex");
  const initial = { ...start, slug: `${start.slug.slice(0, 70)}-${suffix}` };
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-muted-foreground">
        <Link href="/teach" className="underline">
          Question bank
        </Link>
        {" / "}
        <Link href="/teach/questions/new" className="underline">
          New question
        </Link>
      </p>
      <h1 className="text-2xl font-bold">New {start.type} question</h1>
      <QuestionEditor initial={initial} topics={topics} />
    </div>
  );
}
