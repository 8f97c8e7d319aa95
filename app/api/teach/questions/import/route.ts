import { NextResponse } from "next/server";
import { importBank } from "@/lib/server/dal/authoring-exchange";
import { requireTeacher } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";
import { importBankSchema } from "@/lib/validation/questions";

export const POST = route(async (request: Request) => {
  const user = await requireTeacher();
  const { templates } = await parseJsonBody(request, importBankSchema);
  return NextResponse.json(await importBank(user, templates), { status: 201 });
});
