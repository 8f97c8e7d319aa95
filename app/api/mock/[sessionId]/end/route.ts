import { NextResponse } from "next/server";
import { endMock } from "@/lib/server/dal/mock";
import { requireUser } from "@/lib/server/dal/session";
import { route } from "@/lib/server/http";

type Context = { params: Promise<{ sessionId: string }> };

export const POST = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { sessionId } = await params;
  return NextResponse.json({ report: await endMock(user, sessionId) });
});
