import type { Metadata } from "next";
import { AssignmentsCard } from "@/components/classes/assignments-card";
import { ConfirmAction } from "@/components/classes/confirm-action";
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
        <ul className="flex flex-col gap-2 text-sm" aria-label="Your classes">
          {classes.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-3">
              <span>
                {c.name} <span className="text-muted-foreground">· {c.instructorName}</span>
              </span>
              <ConfirmAction
                label={`Leave ${c.name}`}
                question={`Leave ${c.name}? Its assignments disappear from your dashboard; your attempts are kept.`}
                confirmLabel="Yes, leave"
                url={`/api/classes/${c.id}/membership`}
                method="DELETE"
              />
            </li>
          ))}
        </ul>
      ) : null}
      <AssignmentsCard assignments={assignments} />
    </div>
  );
}
