import { NextResponse } from "next/server";
import { getReadiness, setInterviewDate } from "@/lib/server/dal/readiness";
import { requireUser } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";
import { interviewDateSchema } from "@/lib/validation/readiness";

export const GET = route(async () => NextResponse.json(await getReadiness(await requireUser())));

export const PUT = route(async (request: Request) => {
  const user = await requireUser();
  const input = await parseJsonBody(request, interviewDateSchema);
  return NextResponse.json(await setInterviewDate(user, input));
});
