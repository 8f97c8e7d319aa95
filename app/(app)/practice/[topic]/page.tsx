import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listPracticeQuestions } from "@/lib/server/dal/questions";
import { currentUser, requirePageUser } from "@/lib/server/dal/session";
import { practiceTopic } from "@/lib/server/dal/topics";
import { topicBySlug } from "@/lib/topics";

type Props = { params: Promise<{ topic: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = (await params).topic;
  const builtIn = topicBySlug(slug);
  if (builtIn) return { title: `Practice: ${builtIn.short}` };
  const user = await currentUser();
  const topic = user ? await practiceTopic(user, slug) : null;
  return { title: topic ? `Practice: ${topic.name}` : "Practice" };
}

const TYPE_LABELS: Record<string, string> = {
  schedule: "Schedule",
  metrics: "Metrics",
  "switch-cost": "Switch cost",
  process: "Processes",
  eventloop: "Event loop",
  capacity: "Capacity",
  concept: "Concept",
};

export default async function TopicPracticePage({ params }: Props) {
  const { topic: slug } = await params;
  const user = await requirePageUser(`/practice/${slug}`);
  // A built-in lesson, or a lecturer topic this user is taught; anything else is missing.
  const topic = await practiceTopic(user, slug);
  if (!topic) notFound();
  const questions = await listPracticeQuestions(user, topic.slug);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm text-muted-foreground">
          <Link href="/practice" className="underline">
            Practice
          </Link>{" "}
          / {topic.name}
        </p>
        <h1 className="mt-1 text-2xl font-bold">{topic.name}</h1>
        {topic.description ? <p className="mt-1 text-sm">{topic.description}</p> : null}
      </div>
      {questions.length === 0 ? (
        <p className="text-muted-foreground">No questions are published for this topic yet.</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Questions">
          {questions.map((q) => (
            <li key={q.slug}>
              <Link
                href={`/practice/q/${q.slug}`}
                className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border border-border bg-card p-4 hover:border-primary"
              >
                <span className="mr-auto font-medium">{q.title}</span>
                <span className="text-xs text-muted-foreground">{TYPE_LABELS[q.type] ?? q.type}</span>
                <span className="text-xs text-muted-foreground" aria-label={`difficulty ${q.difficulty} of 5`}>
                  {"●".repeat(q.difficulty)}
                  {"○".repeat(5 - q.difficulty)}
                </span>
                <span className="w-24 text-right text-sm">
                  {q.bestScore === null ? "not tried" : `best ${Math.round(q.bestScore * 100)}%`}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
