import { NextResponse } from "next/server";
import { startNextReview } from "@/lib/server/dal/review";
import { requireUser } from "@/lib/server/dal/session";
import { route } from "@/lib/server/http";

// A fresh variant of the most overdue card; the exercise page then shows it as the latest variant.
export const POST = route(async () => {
  const user = await requireUser();
  const next = await startNextReview(user);
  return NextResponse.json({ ...next, href: `/practice/q/${next.slug}?review=1` }, { status: 201 });
});
