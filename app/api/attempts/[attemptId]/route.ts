import { NextResponse } from "next/server";
import { getAttemptDetail } from "@/lib/server/dal/history";
import { requireUser } from "@/lib/server/dal/session";
import { route } from "@/lib/server/http";

type Context = { params: Promise<{ attemptId: string }> };

export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { attemptId } = await params;
  return NextResponse.json({ attempt: await getAttemptDetail(user, attemptId) });
});
