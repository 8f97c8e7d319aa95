import type { Metadata } from "next";
import Link from "next/link";
import { countPublishedByTopic } from "@/lib/server/dal/questions";
import { requirePageUser } from "@/lib/server/dal/session";
import { practiceTopics } from "@/lib/server/dal/topics";

export const metadata: Metadata = { title: "Practice" };

export default async function PracticePage() {
  const user = await requirePageUser("/practice");
  // The eight lessons, then the lecturer topics this user is taught (issue #24).
  const [counts, topics] = await Promise.all([countPublishedByTopic(), practiceTopics(user)]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Practice</h1>
      <ul className="grid gap-3 sm:grid-cols-2">
        {topics.map((topic) => (
          <li key={topic.slug} className="rounded-lg border border-border bg-card p-4">
            <h2 className="font-semibold">
              <Link href={`/practice/${topic.slug}`} className="hover:underline">
                {topic.name}
              </Link>
            </h2>
            {topic.description ? <p className="mt-1 text-sm">{topic.description}</p> : null}
            <p className="mt-1 text-sm text-muted-foreground">
              {counts[topic.slug] ?? 0} question{counts[topic.slug] === 1 ? "" : "s"}
              {topic.builtIn ? (
                <>
                  {" · "}
                  <Link href={`/learn/${topic.slug}`} className="text-primary underline">
                    read the lesson
                  </Link>
                </>
              ) : (
                " · from your lecturer"
              )}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
