import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

const FEATURES = [
  {
    title: "Predict, then see",
    body: "Paint the schedule you expect on a timeline, or predict completion times, switch counts and fork trees. The simulator computes the truth.",
  },
  {
    title: "Graded where you went wrong",
    body: "Partial credit, and the first moment your prediction diverged: what was ready, which rule decided, and why.",
  },
  {
    title: "Today's kernels, not 2007's",
    body: "Round-robin and MLFQ, Linux CFS and today's EEVDF, SCHED_FIFO and SCHED_RR, context-switch costs with and without PCID.",
  },
];

export default function LandingPage() {
  return (
    <div className="flex flex-col gap-12">
      <section className="flex flex-col gap-5 pt-6">
        <h1 className="text-4xl font-bold tracking-tight sm:text-5xl">
          Practise the OS questions interviewers actually ask.
        </h1>
        <p className="max-w-2xl text-lg text-muted-foreground">
          Timeslice pairs short lessons on processes, threads and CPU scheduling with exercises graded by a
          deterministic simulator — so you learn what the kernel really does, not just the textbook answer.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/signup" className={buttonClasses("primary")}>
            Start practising
          </Link>
          <Link href="/signin" className={buttonClasses("secondary")}>
            Sign in
          </Link>
        </div>
      </section>
      <section aria-label="What you get" className="grid gap-4 sm:grid-cols-3">
        {FEATURES.map((f) => (
          <div key={f.title} className="rounded-lg border border-border bg-card p-5">
            <h2 className="font-semibold">{f.title}</h2>
            <p className="mt-2 text-sm text-muted-foreground">{f.body}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
