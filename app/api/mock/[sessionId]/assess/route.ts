import { NextResponse } from "next/server";
import { mockAssessSchema } from "@/lib/validation/progress";
import { assessMockExplain } from "@/lib/server/dal/mock";
import { requireUser } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";

type Context = { params: Promise<{ sessionId: string }> };

export const POST = route(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const { sessionId } = await params;
  const { covered } = await parseJsonBody(request, mockAssessSchema);
  return NextResponse.json(await assessMockExplain(user, sessionId, covered), { status: 201 });
});
