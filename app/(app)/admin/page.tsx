import type { Metadata } from "next";
import { InstructorRequests } from "@/components/admin/instructor-requests";
import { InviteInstructor } from "@/components/admin/invite-instructor";
import { requirePageRole } from "@/lib/server/dal/session";
import { listInstructorRequests } from "@/lib/server/dal/users";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const user = await requirePageRole("/admin", "ADMIN");
  const requests = await listInstructorRequests(user);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Administration</h1>
      <section className="flex flex-col gap-3" aria-label="Instructor requests">
        <h2 className="font-semibold">Requests to become an instructor</h2>
        <InstructorRequests initial={requests} />
      </section>
      <InviteInstructor />
    </div>
  );
}
