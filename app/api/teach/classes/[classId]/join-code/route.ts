import { NextResponse } from "next/server";
import { classParamsSchema } from "@/lib/validation/classes";
import { regenerateJoinCode } from "@/lib/server/dal/classes";
import { requireTeacher } from "@/lib/server/dal/session";
import { parseParams, route } from "@/lib/server/http";

type Context = { params: Promise<{ classId: string }> };

/** Draws a new join code; the old one stops working at once. Takes no body. */
export const POST = route(async (_request: Request, { params }: Context) => {
  const user = await requireTeacher();
  const { classId } = await parseParams(params, classParamsSchema);
  return NextResponse.json({ class: await regenerateJoinCode(user, classId) });
});
