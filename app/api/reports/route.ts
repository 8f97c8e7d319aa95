import { NextResponse } from "next/server";
import { reportProblemSchema } from "@/lib/validation/classes";
import { listReportInbox, reportProblem } from "@/lib/server/dal/reports";
import { requireTeacher, requireUser } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";

export const POST = route(async (request: Request) => {
  const user = await requireUser();
  const input = await parseJsonBody(request, reportProblemSchema);
  return NextResponse.json({ report: await reportProblem(user, input) }, { status: 201 });
});

export const GET = route(async (request: Request) => {
  const user = await requireTeacher();
  const state = new URL(request.url).searchParams.get("resolved");
  const resolved = state === "true" ? true : state === "false" ? false : undefined;
  return NextResponse.json({ reports: await listReportInbox(user, { resolved }) });
});
