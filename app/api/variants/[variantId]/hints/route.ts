import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/dal/session";
import { revealHint } from "@/lib/server/dal/variants";
import { route } from "@/lib/server/http";

type Context = { params: Promise<{ variantId: string }> };

export const POST = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { variantId } = await params;
  const { hints, next } = await revealHint(user, variantId);
  return NextResponse.json({ hints, hintState: next });
});
