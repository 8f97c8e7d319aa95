import { NextResponse } from "next/server";
import { advanceRegradeJob } from "@/lib/server/dal/regrade";
import { requireTeacher } from "@/lib/server/dal/session";
import { route } from "@/lib/server/http";

type Context = { params: Promise<{ jobId: string }> };

// Polling the status is what drives the job: each request processes the next chunk, so the work
// survives restarts and is shared by however many instances answer the polls.
export const GET = route(async (_request: Request, { params }: Context) => {
  const user = await requireTeacher();
  const { jobId } = await params;
  return NextResponse.json({ job: await advanceRegradeJob(user, jobId) }, { headers: { "cache-control": "no-store" } });
});
