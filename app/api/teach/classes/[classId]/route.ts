import { NextResponse } from "next/server";
import { getTaughtClass } from "@/lib/server/dal/classes";
import { requireRole } from "@/lib/server/dal/session";
import { route } from "@/lib/server/http";

type Context = { params: Promise<{ classId: string }> };

export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireRole("INSTRUCTOR", "ADMIN");
  const { classId } = await params;
  return NextResponse.json({ class: await getTaughtClass(user, classId) });
});
