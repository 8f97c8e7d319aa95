import type { Metadata } from "next";
import Link from "next/link";
import { RetentionForm } from "@/components/progress/settings-controls";
import { ReviewItemLink, StartReviewButton } from "@/components/progress/start-review-button";
import { LocalTime } from "@/components/ui/local-time";
import { getProgressSettings } from "@/lib/server/dal/progress";
import { getReviewQueue } from "@/lib/server/dal/review";
import { requirePageUser } from "@/lib/server/dal/session";
import { topicBySlug } from "@/lib/topics";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await requirePageUser("/review");
  const [queue, settings] = await Promise.all([getReviewQueue(user), getProgressSettings(user)]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Review now</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Questions come back when you are about to forget them. Each review is a new variant of the question, so you
          practise the idea, not the answer.
        </p>
      </div>
      <section
        className="flex flex-wrap items-center gap-4 rounded-lg border border-border bg-card p-5"
        aria-labelledby="due-heading"
      >
        <h2 id="due-heading" className="mr-auto font-semibold" data-testid="review-due-count">
          {queue.dueCount} due now
          <span className="ml-2 text-sm font-normal text-muted-foreground">
            {queue.upcoming} more in the next 7 days
          </span>
        </h2>
        {queue.dueCount > 0 ? <StartReviewButton /> : null}
      </section>
      {queue.due.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label="Due questions" data-testid="review-queue">
          {queue.due.map((card) => (
            <li
              key={card.templateId}
              className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border border-border bg-card p-4"
            >
              <ReviewItemLink slug={card.slug} title={card.title} />
              <span className="text-xs text-muted-foreground">{topicBySlug(card.topic)?.short ?? card.topic}</span>
              <span className="text-xs text-muted-foreground">
                {card.reps} review{card.reps === 1 ? "" : "s"}, {card.lapses} lapse{card.lapses === 1 ? "" : "s"}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <section
          className="rounded-lg border border-border bg-card p-5"
          aria-labelledby="finished-heading"
          data-testid="review-finished"
        >
          <h2 id="finished-heading" className="font-semibold">
            Finished for today
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">
            {queue.nextDue ? (
              <>
                Nothing is due now. The next review is due <LocalTime iso={queue.nextDue} />.{" "}
              </>
            ) : (
              "Nothing is due. "
            )}
            <Link href="/practice" className="underline">
              Practise
            </Link>{" "}
            — wrong answers are added here automatically.
          </p>
        </section>
      )}
      <section className="rounded-lg border border-border bg-card p-5" aria-labelledby="settings-heading">
        <h2 id="settings-heading" className="mb-3 font-semibold">
          Settings
        </h2>
        <RetentionForm retention={settings.retention} />
      </section>
    </div>
  );
}
