import { NextResponse } from "next/server";
import { historyQuerySchema } from "@/lib/validation/progress";
import { listHistory } from "@/lib/server/dal/history";
import { requireUser } from "@/lib/server/dal/session";
import { AppError } from "@/lib/server/errors";
import { route } from "@/lib/server/http";

export const GET = route(async (request: Request) => {
  const user = await requireUser();
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = historyQuerySchema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("INVALID_INPUT", `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}`);
  }
  return NextResponse.json(await listHistory(user, parsed.data));
});
