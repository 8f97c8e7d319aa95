import { NextResponse } from "next/server";
import { listVariantAttempts, submitAttempt } from "@/lib/server/dal/attempts";
import { requireUser } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";
import { submitAttemptSchema } from "@/lib/validation/attempts";

type Context = { params: Promise<{ variantId: string }> };

export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { variantId } = await params;
  return NextResponse.json({ attempts: await listVariantAttempts(user, variantId) });
});

export const POST = route(async (request: Request, { params }: Context) => {
  const user = await requireUser();
  const { variantId } = await params;
  const input = await parseJsonBody(request, submitAttemptSchema);
  const { attempt, replayed, explanation, hintState, reveal } = await submitAttempt(user, variantId, input);
  return NextResponse.json({ attempt, replayed, explanation, hintState, reveal }, { status: replayed ? 200 : 201 });
});
