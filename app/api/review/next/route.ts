import { NextResponse } from "next/server";
import { startReviewSchema } from "@/lib/validation/progress";
import { startNextReview } from "@/lib/server/dal/review";
import { requireUser } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";

// A fresh variant of the most overdue card (or of the due card named by slug); the exercise page then
// shows it as the latest variant. An empty body is allowed: "Start review" sends none.
export const POST = route(async (request: Request) => {
  const user = await requireUser();
  const body = (await request.clone().text()).trim() === "" ? {} : await parseJsonBody(request, startReviewSchema);
  const next = await startNextReview(user, new Date(), body.slug);
  return NextResponse.json({ ...next, href: `/practice/q/${next.slug}?review=1` }, { status: 201 });
});
