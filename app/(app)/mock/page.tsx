import type { Metadata } from "next";
import Link from "next/link";
import { MockStartForm } from "@/components/progress/mock-start-form";
import { LocalTime } from "@/components/ui/local-time";
import { listMockSessions } from "@/lib/server/dal/mock";
import { requirePageUser } from "@/lib/server/dal/session";

export const metadata: Metadata = { title: "Mock interview" };

export default async function MockPage() {
  const user = await requirePageUser("/mock");
  const sessions = await listMockSessions(user);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Mock interview</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Mixed questions across topics against the clock. The next question gets harder after a right answer and easier
          after a wrong one. You see your scores only at the end.
        </p>
      </div>
      <section className="rounded-lg border border-border bg-card p-5">
        <MockStartForm />
      </section>
      {sessions.length > 0 ? (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading" className="font-semibold">
            Your interviews
          </h2>
          <ul className="mt-2 flex flex-col gap-1 text-sm">
            {sessions.map((s) => (
              <li key={s.id}>
                <Link href={`/mock/${s.id}`} className="underline">
                  <LocalTime iso={new Date(s.startedAt).toISOString()} /> · {s.minutes} min · {s.questions} question
                  {s.questions === 1 ? "" : "s"}
                  {s.ended ? "" : " · in progress"}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
