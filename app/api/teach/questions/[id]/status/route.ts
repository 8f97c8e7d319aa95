import { NextResponse } from "next/server";
import { setQuestionStatus } from "@/lib/server/dal/authoring";
import { requireTeacher } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";
import { questionStatusSchema } from "@/lib/validation/questions";

// Publish, unpublish (back to draft) or archive.
export const POST = route(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireTeacher();
  const { status } = await parseJsonBody(request, questionStatusSchema);
  return NextResponse.json({ question: await setQuestionStatus(user, (await params).id, status) });
});
