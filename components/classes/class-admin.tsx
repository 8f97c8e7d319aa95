import { rulesLine } from "./assignments-card";
import type { ClassDetailDto } from "@/lib/analytics/dto";
import { LocalTime } from "@/components/ui/local-time";
import { ConfirmAction } from "./confirm-action";

// The class page's management controls. Each one is a request the server checks again (session, role,
// ownership); these only decide what to offer.

/** Join code with "New code", and archive/unarchive. */
export function ClassHeaderActions({ cls }: { cls: ClassDetailDto }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <ConfirmAction
        label="New join code"
        question="The current code will stop working. Draw a new one?"
        confirmLabel="Yes, new code"
        url={`/api/teach/classes/${cls.id}/join-code`}
        method="POST"
      />
      {cls.archived ? (
        <ConfirmAction
          label="Unarchive"
          question="Show the class to its students again?"
          confirmLabel="Yes, unarchive"
          url={`/api/teach/classes/${cls.id}`}
          method="PATCH"
          body={{ archived: false }}
        />
      ) : (
        <ConfirmAction
          label="Archive class"
          question="Students will no longer see this class and its code will not work. Attempts are kept. Archive it?"
          confirmLabel="Yes, archive"
          url={`/api/teach/classes/${cls.id}`}
          method="PATCH"
          body={{ archived: true }}
        />
      )}
    </div>
  );
}

export function MemberList({ cls }: { cls: ClassDetailDto }) {
  if (cls.members.length === 0)
    return <p className="text-sm text-muted-foreground">No students yet: give them the join code.</p>;
  return (
    <ul className="flex flex-col gap-2" aria-label="Students">
      {cls.members.map((m) => (
        <li key={m.id} className="flex flex-wrap items-center gap-3 text-sm">
          <span className="mr-auto">
            {m.name} <span className="text-muted-foreground">· {m.email}</span>
          </span>
          <ConfirmAction
            label={`Remove ${m.name}`}
            question={`Remove ${m.name} from ${cls.name}? Their attempts are kept.`}
            confirmLabel="Yes, remove"
            url={`/api/teach/classes/${cls.id}/members/${m.id}`}
            method="DELETE"
          />
        </li>
      ))}
    </ul>
  );
}

export function AssignmentList({ cls }: { cls: ClassDetailDto }) {
  if (cls.assignmentList.length === 0) return <p className="text-sm text-muted-foreground">None yet.</p>;
  return (
    <ul className="flex flex-col gap-2" aria-label="Assignments">
      {cls.assignmentList.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center gap-3 text-sm">
          <span className="mr-auto">
            <strong>{a.title}</strong>{" "}
            {a.dueAt ? <LocalTime iso={new Date(a.dueAt).toISOString()} prefix="· due " /> : null} ·{" "}
            {a.questions.map((q) => q.title).join(", ")}
            <span className="block text-xs text-muted-foreground">{rulesLine(a)}</span>
          </span>
          <ConfirmAction
            label={`Delete ${a.title}`}
            question={`Delete the assignment ${a.title}? Students' attempts are kept.`}
            confirmLabel="Yes, delete"
            url={`/api/teach/classes/${cls.id}/assignments/${a.id}`}
            method="DELETE"
          />
        </li>
      ))}
    </ul>
  );
}
