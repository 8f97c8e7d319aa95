import type { Metadata } from "next";
import Link from "next/link";
import { CreateClassForm } from "@/components/classes/create-class-form";
import { listTaughtClasses } from "@/lib/server/dal/classes";
import { requirePageRole } from "@/lib/server/dal/session";

export const metadata: Metadata = { title: "Classes" };

export default async function TeachClassesPage() {
  const user = await requirePageRole("/teach/classes", "INSTRUCTOR", "ADMIN");
  const classes = await listTaughtClasses(user);
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
      {classes.length === 0 ? (
        <p className="text-sm text-muted-foreground">No classes yet.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {classes.map((c) => (
            <li key={c.id} className="rounded-md border border-border p-3">
              <Link href={`/teach/classes/${c.id}`} className="font-medium underline">
                {c.name}
              </Link>
              <span className="ml-2 text-sm text-muted-foreground">
                code {c.joinCode} · {c.students} student{c.students === 1 ? "" : "s"} · {c.assignments} assignment{c.assignments === 1 ? "" : "s"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
