import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/dal/session";
import { decideInstructorRequest } from "@/lib/server/dal/users";
import { parseJsonBody, route } from "@/lib/server/http";
import { instructorDecisionSchema } from "@/lib/validation/auth";

type Context = { params: Promise<{ requestId: string }> };

export const PATCH = route(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const { approved } = await parseJsonBody(request, instructorDecisionSchema);
  await decideInstructorRequest(user, (await params).requestId, approved);
  return NextResponse.json({ ok: true });
});
