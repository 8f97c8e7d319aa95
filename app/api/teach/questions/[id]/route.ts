import { NextResponse } from "next/server";
import { getAuthoredQuestion, updateQuestion } from "@/lib/server/dal/authoring";
import { requireTeacher } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";
import { saveQuestionSchema } from "@/lib/validation/questions";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route(async (_request: Request, { params }: Ctx) => {
  const user = await requireTeacher();
  return NextResponse.json({ question: await getAuthoredQuestion(user, (await params).id) });
});

export const PUT = route(async (request: Request, { params }: Ctx) => {
  const user = await requireTeacher();
  const { template } = await parseJsonBody(request, saveQuestionSchema);
  return NextResponse.json({ question: await updateQuestion(user, (await params).id, template) });
});
