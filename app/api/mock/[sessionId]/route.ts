import { NextResponse } from "next/server";
import { getMockState } from "@/lib/server/dal/mock";
import { requireUser } from "@/lib/server/dal/session";
import { route } from "@/lib/server/http";

type Context = { params: Promise<{ sessionId: string }> };

export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { sessionId } = await params;
  return NextResponse.json(await getMockState(user, sessionId));
});
