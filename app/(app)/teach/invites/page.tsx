import type { Metadata } from "next";
import { InviteInstructor } from "@/components/admin/invite-instructor";
import { requirePageRole } from "@/lib/server/dal/session";

export const metadata: Metadata = { title: "Invite an instructor" };

export default async function InvitesPage() {
  await requirePageRole("/teach/invites", "INSTRUCTOR", "ADMIN");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Invite an instructor</h1>
      <InviteInstructor />
    </div>
  );
}
