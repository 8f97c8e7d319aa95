import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/dal/session";
import { createInstructorInvite } from "@/lib/server/dal/users";
import { parseJsonBody, route } from "@/lib/server/http";
import { createInviteSchema } from "@/lib/validation/auth";

// An instructor or admin issues a single-use code that makes its user an instructor at sign-up.
export const POST = route(async (request: Request) => {
  const user = await requireUser();
  await parseJsonBody(request, createInviteSchema);
  return NextResponse.json({ invite: await createInstructorInvite(user) }, { status: 201 });
});
