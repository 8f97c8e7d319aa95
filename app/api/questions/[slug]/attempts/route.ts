import { NextResponse } from "next/server";
import { listQuestionHistory } from "@/lib/server/dal/attempts";
import { requireUser } from "@/lib/server/dal/session";
import { route } from "@/lib/server/http";

type Context = { params: Promise<{ slug: string }> };

export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { slug } = await params;
  return NextResponse.json({ history: await listQuestionHistory(user, slug) });
});
