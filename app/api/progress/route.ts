import { NextResponse } from "next/server";
import { getDashboard } from "@/lib/server/dal/progress";
import { requireUser } from "@/lib/server/dal/session";
import { route } from "@/lib/server/http";

export const GET = route(async () => {
  const user = await requireUser();
  return NextResponse.json(await getDashboard(user));
});
