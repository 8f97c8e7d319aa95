import type { Metadata } from "next";
import { requirePageUser } from "@/lib/server/dal/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Welcome, {user.name}</h1>
      <section className="rounded-lg border border-border bg-card p-5" aria-labelledby="practice-heading">
        <h2 id="practice-heading" className="font-semibold">
          Your practice
        </h2>
        <p className="mt-2 text-sm text-muted-foreground">
          Lessons and exercises appear here as they are published: scheduling, processes and threads, context switches and
          server concurrency.
        </p>
      </section>
    </div>
  );
}
