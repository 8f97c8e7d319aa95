import type { Metadata } from "next";
import { AssignmentsCard } from "@/components/classes/assignments-card";
import { JoinClassForm } from "@/components/classes/join-class-form";
import { listMyAssignments } from "@/lib/server/dal/classes";
import { requirePageUser } from "@/lib/server/dal/session";

export const metadata: Metadata = { title: "Classes" };

export default async function ClassesPage() {
  const user = await requirePageUser("/classes");
  const { classes, assignments } = await listMyAssignments(user);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Classes</h1>
      <JoinClassForm />
      {classes.length > 0 ? (
        <ul className="text-sm" aria-label="Your classes">
          {classes.map((c) => (
            <li key={c.id}>
              {c.name} <span className="text-muted-foreground">· {c.instructorName}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <AssignmentsCard assignments={assignments} />
    </div>
  );
}
