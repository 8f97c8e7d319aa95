import { NextResponse } from "next/server";
import { getReviewQueue } from "@/lib/server/dal/review";
import { requireUser } from "@/lib/server/dal/session";
import { route } from "@/lib/server/http";

export const GET = route(async () => {
  const user = await requireUser();
  return NextResponse.json(await getReviewQueue(user));
});
