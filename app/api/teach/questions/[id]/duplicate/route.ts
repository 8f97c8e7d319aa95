import { NextResponse } from "next/server";
import { duplicateQuestion } from "@/lib/server/dal/authoring";
import { requireTeacher } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";
import { duplicateQuestionSchema } from "@/lib/validation/questions";

export const POST = route(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireTeacher();
  const { slug } = await parseJsonBody(request, duplicateQuestionSchema);
  return NextResponse.json({ question: await duplicateQuestion(user, (await params).id, slug) }, { status: 201 });
});
