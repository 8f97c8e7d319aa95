import { NextResponse } from "next/server";
import { mockAnswerSchema } from "@/lib/validation/progress";
import { answerMock } from "@/lib/server/dal/mock";
import { requireUser } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";

type Context = { params: Promise<{ sessionId: string }> };

// The answer is graded and stored, but the response says only that it was recorded.
export const POST = route(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const { sessionId } = await params;
  const { itemId, ...input } = await parseJsonBody(request, mockAnswerSchema);
  return NextResponse.json(await answerMock(user, sessionId, itemId, input), { status: 201 });
});
