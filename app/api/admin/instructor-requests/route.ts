import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/dal/session";
import { listInstructorRequests } from "@/lib/server/dal/users";
import { route } from "@/lib/server/http";

export const GET = route(async () => {
  const user = await requireUser();
  return NextResponse.json({ requests: await listInstructorRequests(user) });
});
