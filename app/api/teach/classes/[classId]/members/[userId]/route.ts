import { NextResponse } from "next/server";
import { memberParamsSchema } from "@/lib/validation/classes";
import { removeMember } from "@/lib/server/dal/classes";
import { requireRole } from "@/lib/server/dal/session";
import { parseParams, route } from "@/lib/server/http";

type Context = { params: Promise<{ classId: string; userId: string }> };

export const DELETE = route(async (_request: Request, { params }: Context) => {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const { classId, userId } = await parseParams(params, memberParamsSchema);
  await removeMember(user, classId, userId);
  return NextResponse.json({ ok: true });
});
