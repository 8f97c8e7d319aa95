import { NextResponse } from "next/server";
import { assignmentParamsSchema } from "@/lib/validation/classes";
import { deleteAssignment } from "@/lib/server/dal/classes";
import { requireTeacher } from "@/lib/server/dal/session";
import { parseParams, route } from "@/lib/server/http";

type Context = { params: Promise<{ classId: string; assignmentId: string }> };

export const DELETE = route(async (_request: Request, { params }: Context) => {
  const user = await requireTeacher();
  const { classId, assignmentId } = await parseParams(params, assignmentParamsSchema);
  await deleteAssignment(user, classId, assignmentId);
  return NextResponse.json({ ok: true });
});
