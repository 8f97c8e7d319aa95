import { NextResponse } from "next/server";
import { countDue } from "@/lib/server/dal/progress";
import { requireUser } from "@/lib/server/dal/session";
import { route } from "@/lib/server/http";

// The nav badge's number: one indexed count.
export const GET = route(async () => {
  const user = await requireUser();
  return NextResponse.json({ dueCount: await countDue(user) });
});
