import { NextResponse } from "next/server";
import { memberParamsSchema } from "@/lib/validation/classes";
import { removeMember } from "@/lib/server/dal/classes";
import { requireTeacher } from "@/lib/server/dal/session";
import { parseParams, route } from "@/lib/server/http";

type Context = { params: Promise<{ classId: string; userId: string }> };

export const DELETE = route(async (_request: Request, { params }: Context) => {
  const user = await requireTeacher();
  const { classId, userId } = await parseParams(params, memberParamsSchema);
  await removeMember(user, classId, userId);
  return NextResponse.json({ ok: true });
});
