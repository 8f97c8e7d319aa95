import { NextResponse } from "next/server";
import { classParamsSchema, updateClassSchema } from "@/lib/validation/classes";
import { getTaughtClass, updateClass } from "@/lib/server/dal/classes";
import { requireTeacher } from "@/lib/server/dal/session";
import { parseJsonBody, parseParams, route } from "@/lib/server/http";

type Context = { params: Promise<{ classId: string }> };

export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireTeacher();
  const { classId } = await parseParams(params, classParamsSchema);
  return NextResponse.json({ class: await getTaughtClass(user, classId) });
});

/** `{archived: true}` archives the class (hidden from students, code stops working); false restores it. */
export const PATCH = route(async (request: Request, { params }: Context) => {
  const user = await requireTeacher();
  const { classId } = await parseParams(params, classParamsSchema);
  const input = await parseJsonBody(request, updateClassSchema);
  return NextResponse.json({ class: await updateClass(user, classId, input) });
});
