import { NextResponse } from "next/server";
import { siteOrigin } from "@/lib/server/dal/print";
import { requireUser } from "@/lib/server/dal/session";
import { shareQuestion } from "@/lib/server/dal/shared";
import { parseJsonBody, route } from "@/lib/server/http";
import { shareQuestionSchema } from "@/lib/validation/print";

export const POST = route(async (request: Request) => {
  const user = await requireUser();
  const { slug } = await parseJsonBody(request, shareQuestionSchema);
  const { code } = await shareQuestion(user, slug);
  const origin = siteOrigin(request.headers);
  return NextResponse.json({ code, url: `${origin}/s/${code}`, embedUrl: `${origin}/embed/${code}` }, { status: 201 });
});
