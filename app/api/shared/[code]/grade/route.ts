import { NextResponse } from "next/server";
import { clientIp } from "@/lib/server/auth";
import { gradeShared } from "@/lib/server/dal/shared";
import { parseJsonBody, route } from "@/lib/server/http";
import { sharedAnswerSchema } from "@/lib/validation/print";

type Context = { params: Promise<{ code: string }> };

// Public by design: a shared question is answered without an account. Graded, never stored, rate-limited per source.
export const POST = route(async (request: Request, { params }: Context) => {
  const { code } = await params;
  const { answer } = await parseJsonBody(request, sharedAnswerSchema);
  const ip = clientIp(Object.fromEntries(request.headers.entries()));
  const { report, explanation } = await gradeShared(code, answer, ip);
  return NextResponse.json({ report, explanation });
});
