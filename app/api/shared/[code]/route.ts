import { NextResponse } from "next/server";
import { loadSharedQuestion } from "@/lib/server/dal/shared";
import { route } from "@/lib/server/http";

type Context = { params: Promise<{ code: string }> };

// Public by design: the shared question's view (what its page shows), never its key or explanation.
export const GET = route(async (_request: Request, { params }: Context) => {
  const { code } = await params;
  return NextResponse.json(await loadSharedQuestion(code));
});
