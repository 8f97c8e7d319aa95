import { NextResponse } from "next/server";
import { resolveReportSchema } from "@/lib/validation/classes";
import { setReportResolved } from "@/lib/server/dal/reports";
import { requireTeacher } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";

type Context = { params: Promise<{ reportId: string }> };

export const PATCH = route(async (request: Request, { params }: Context) => {
  const user = await requireTeacher();
  const { reportId } = await params;
  const { resolved } = await parseJsonBody(request, resolveReportSchema);
  await setReportResolved(user, reportId, resolved);
  return NextResponse.json({ ok: true });
});
