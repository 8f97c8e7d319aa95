import type { Metadata } from "next";
import Link from "next/link";
import { CreateClassForm } from "@/components/classes/create-class-form";
import type { ClassSummaryDto } from "@/lib/analytics/dto";
import { listTaughtClasses } from "@/lib/server/dal/classes";
import { requirePageTeacher } from "@/lib/server/dal/session";

export const metadata: Metadata = { title: "Classes" };

export default async function TeachClassesPage() {
  const user = await requirePageTeacher("/teach/classes");
  const classes = await listTaughtClasses(user);
  const active = classes.filter((c) => !c.archived);
  const archived = classes.filter((c) => c.archived);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline gap-4">
        <h1 className="mr-auto text-2xl font-bold">Your classes</h1>
        <Link href="/teach/reports" className="text-sm underline">
          Problem reports
        </Link>
        <Link href="/teach" className="text-sm underline">
          Questions
        </Link>
      </div>
      <CreateClassForm />
      {active.length === 0 ? (
        <p className="text-sm text-muted-foreground">{archived.length ? "No active classes." : "No classes yet."}</p>
      ) : (
        <ClassList classes={active} label="Your classes" />
      )}
      {archived.length > 0 ? (
        <section aria-labelledby="archived-heading" className="flex flex-col gap-2">
          <h2 id="archived-heading" className="font-semibold">
            Archived
          </h2>
          <ClassList classes={archived} label="Archived classes" />
        </section>
      ) : null}
    </div>
  );
}

function ClassList({ classes, label }: { classes: ClassSummaryDto[]; label: string }) {
  return (
    <ul className="flex flex-col gap-2" aria-label={label}>
      {classes.map((c) => (
        <li key={c.id} className="rounded-md border border-border p-3">
          <Link href={`/teach/classes/${c.id}`} className="font-medium underline">
            {c.name}
          </Link>
          <span className="ml-2 text-sm text-muted-foreground">
            code {c.joinCode} · {c.students} student{c.students === 1 ? "" : "s"} · {c.assignments} assignment
            {c.assignments === 1 ? "" : "s"}
          </span>
        </li>
      ))}
    </ul>
  );
}
