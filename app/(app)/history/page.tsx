import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { listHistory } from "@/lib/server/dal/history";
import { requirePageUser } from "@/lib/server/dal/session";
import { AppError } from "@/lib/server/errors";
import { topicBySlug } from "@/lib/topics";

export const metadata: Metadata = { title: "History" };

type Props = { searchParams: Promise<{ cursor?: string | string[] }> };

export default async function HistoryPage({ searchParams }: Props) {
  const user = await requirePageUser("/history");
  const raw = (await searchParams).cursor;
  const cursor = typeof raw === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(raw) ? raw : undefined;
  const page = await listHistory(user, { cursor, limit: 25 }).catch((error: unknown) => {
    // A stale or foreign cursor starts again from the newest attempt rather than failing.
    if (error instanceof AppError && error.code === "INVALID_INPUT") return listHistory(user, { limit: 25 });
    throw error;
  });
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">History</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Every graded answer, newest first. Open one to see the feedback and replay it.
        </p>
      </div>
      {page.items.length === 0 ? (
        <p className="text-muted-foreground">
          No graded answers {cursor ? "older than these" : "yet"}.{" "}
          <Link href="/practice" className="underline">
            Practise
          </Link>
        </p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Attempts" data-testid="history-list">
          {page.items.map((a) => (
            <li key={a.id}>
              <Link
                href={`/history/${a.id}`}
                className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-lg border border-border bg-card p-3 hover:border-primary"
              >
                <span className="mr-auto font-medium">{a.title}</span>
                <span className="text-xs text-muted-foreground">{topicBySlug(a.topic)?.short ?? a.topic}</span>
                <span className="text-xs text-muted-foreground">
                  <LocalTime iso={a.createdAt} />
                </span>
                <span className={`w-14 text-right text-sm tabular-nums ${a.correct ? "text-success" : ""}`}>
                  {Math.round(a.score * 100)}%
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {cursor ? (
          <Link href="/history" className="underline">
            Newest
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={`/history?cursor=${page.nextCursor}`} className="underline">
            Older
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
