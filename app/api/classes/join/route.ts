import { NextResponse } from "next/server";
import { joinClassSchema } from "@/lib/validation/classes";
import { joinClass } from "@/lib/server/dal/classes";
import { requireUser } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";

export const POST = route(async (request: Request) => {
  const user = await requireUser();
  const { code } = await parseJsonBody(request, joinClassSchema);
  return NextResponse.json({ class: await joinClass(user, code) });
});
