import { NextResponse } from "next/server";
import { previewPublishedQuestion } from "@/lib/server/dal/question-picker";
import { requireTeacher } from "@/lib/server/dal/session";
import { route } from "@/lib/server/http";

type Ctx = { params: Promise<{ id: string }> };

// A published question as students see it, for the assignment picker (no answer key).
export const GET = route(async (_request: Request, { params }: Ctx) => {
  const user = await requireTeacher();
  return NextResponse.json({ preview: await previewPublishedQuestion(user, (await params).id) });
});
