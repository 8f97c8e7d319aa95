import { NextResponse } from "next/server";
import { classParamsSchema } from "@/lib/validation/classes";
import { leaveClass } from "@/lib/server/dal/classes";
import { requireUser } from "@/lib/server/dal/session";
import { parseParams, route } from "@/lib/server/http";

type Context = { params: Promise<{ classId: string }> };

/** The signed-in student leaves the class. */
export const DELETE = route(async (_request: Request, { params }: Context) => {
  const user = await requireUser();
  const { classId } = await parseParams(params, classParamsSchema);
  await leaveClass(user, classId);
  return NextResponse.json({ ok: true });
});
