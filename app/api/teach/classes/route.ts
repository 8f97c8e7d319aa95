import { NextResponse } from "next/server";
import { createClassSchema } from "@/lib/validation/classes";
import { createClass, listTaughtClasses } from "@/lib/server/dal/classes";
import { requireTeacher } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";

export const GET = route(async () => {
  const user = await requireTeacher();
  return NextResponse.json({ classes: await listTaughtClasses(user) });
});

export const POST = route(async (request: Request) => {
  const user = await requireTeacher();
  const input = await parseJsonBody(request, createClassSchema);
  return NextResponse.json({ class: await createClass(user, input) }, { status: 201 });
});
