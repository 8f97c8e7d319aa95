import { NextResponse } from "next/server";
import { regradeSchema } from "@/lib/validation/classes";
import { dryRunRegrade, startRegrade } from "@/lib/server/dal/regrade";
import { requireTeacher } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";

/** dryRun: true answers with old → new scores and writes nothing; false starts a job to poll. */
export const POST = route(async (request: Request) => {
  const user = await requireTeacher();
  const input = await parseJsonBody(request, regradeSchema);
  if (input.dryRun) return NextResponse.json({ dryRun: await dryRunRegrade(user, input.classId, input.slug) });
  return NextResponse.json({ job: await startRegrade(user, input.classId, input.slug) }, { status: 202 });
});
