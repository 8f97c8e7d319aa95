import { NextResponse } from "next/server";
import { classParamsSchema, createAssignmentSchema } from "@/lib/validation/classes";
import { createAssignment } from "@/lib/server/dal/classes";
import { requireTeacher } from "@/lib/server/dal/session";
import { parseJsonBody, parseParams, route } from "@/lib/server/http";

type Context = { params: Promise<{ classId: string }> };

export const POST = route(async (request: Request, { params }: Context) => {
  const user = await requireTeacher();
  const { classId } = await parseParams(params, classParamsSchema);
  const input = await parseJsonBody(request, createAssignmentSchema);
  return NextResponse.json({ assignment: await createAssignment(user, classId, input) }, { status: 201 });
});
