import { NextResponse } from "next/server";
import { mockExplainSchema } from "@/lib/validation/progress";
import { answerMockExplain } from "@/lib/server/dal/mock";
import { requireUser } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";

type Context = { params: Promise<{ sessionId: string }> };

// Stores the free-text answer; the model answer and key points come back only in this response.
export const POST = route(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const { sessionId } = await params;
  const { text } = await parseJsonBody(request, mockExplainSchema);
  return NextResponse.json(await answerMockExplain(user, sessionId, text), { status: 201 });
});
