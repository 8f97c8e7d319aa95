import { NextResponse } from "next/server";
import { createQuestion, listBankQuestions } from "@/lib/server/dal/authoring";
import { parseBankFilter } from "@/lib/server/dal/authoring-filter";
import { requireTeacher } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";
import { saveQuestionSchema } from "@/lib/validation/questions";

export const GET = route(async (request: Request) => {
  const user = await requireTeacher();
  const questions = await listBankQuestions(user, parseBankFilter(new URL(request.url).searchParams));
  return NextResponse.json({ questions });
});

export const POST = route(async (request: Request) => {
  const user = await requireTeacher();
  const { template } = await parseJsonBody(request, saveQuestionSchema);
  return NextResponse.json({ question: await createQuestion(user, template) }, { status: 201 });
});
