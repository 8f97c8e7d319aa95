import type { Metadata } from "next";
import { TopicManager } from "@/components/teach/topic-manager";
import { requirePageTeacher } from "@/lib/server/dal/session";
import { listOwnTopics } from "@/lib/server/dal/topics";
import { TOPICS } from "@/lib/topics";

export const metadata: Metadata = { title: "Topics" };

export default async function TopicsPage() {
  const user = await requirePageTeacher("/teach/topics");
  const topics = await listOwnTopics(user);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Your topics</h1>
      <p className="text-sm text-muted-foreground">
        Besides the eight built-in topics, file your questions under topics of your own. Students in your classes see
        them in practice and progress. Renaming keeps the questions; deleting a topic first moves its questions to the
        topic you choose.
      </p>
      <TopicManager initial={topics} builtIn={TOPICS.map((t) => ({ slug: t.slug, name: t.title }))} />
    </div>
  );
}
