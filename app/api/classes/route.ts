import { NextResponse } from "next/server";
import { listMyAssignments } from "@/lib/server/dal/classes";
import { requireUser } from "@/lib/server/dal/session";
import { route } from "@/lib/server/http";

export const GET = route(async () => {
  const user = await requireUser();
  return NextResponse.json(await listMyAssignments(user));
});
