import type { Metadata } from "next";
import { InviteInstructor } from "@/components/admin/invite-instructor";
import { requirePageTeacher } from "@/lib/server/dal/session";

export const metadata: Metadata = { title: "Invite an instructor" };

export default async function InvitesPage() {
  await requirePageTeacher("/teach/invites");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Invite an instructor</h1>
      <InviteInstructor />
    </div>
  );
}
