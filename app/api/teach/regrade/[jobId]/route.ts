import { NextResponse } from "next/server";
import { getRegradeJob } from "@/lib/server/dal/regrade";
import { requireTeacher } from "@/lib/server/dal/session";
import { route } from "@/lib/server/http";

type Context = { params: Promise<{ jobId: string }> };

// The job's progress only: the server's job worker runs it (lib/server/job-runner.ts), page open or not.
export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireTeacher();
  const { jobId } = await params;
  return NextResponse.json({ job: await getRegradeJob(user, jobId) }, { headers: { "cache-control": "no-store" } });
});
