import { NextResponse } from "next/server";
import { startMockSchema } from "@/lib/validation/progress";
import { listMockSessions, startMock } from "@/lib/server/dal/mock";
import { requireUser } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";

export const GET = route(async () => {
  const user = await requireUser();
  return NextResponse.json({ sessions: await listMockSessions(user) });
});

export const POST = route(async (request: Request) => {
  const user = await requireUser();
  const { minutes } = await parseJsonBody(request, startMockSchema);
  return NextResponse.json(await startMock(user, minutes), { status: 201 });
});
