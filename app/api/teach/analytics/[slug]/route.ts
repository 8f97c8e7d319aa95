import { NextResponse } from "next/server";
import { getQuestionAnalytics } from "@/lib/server/dal/analytics";
import { requireTeacher } from "@/lib/server/dal/session";
import { route } from "@/lib/server/http";

type Context = { params: Promise<{ slug: string }> };

// ?scope=class:<id> or assignment:<id>; by default the lecturer's most recent class.
export const GET = route(async (request: Request, { params }: Context) => {
  const user = await requireTeacher();
  const { slug } = await params;
  return NextResponse.json({
    analytics: await getQuestionAnalytics(user, slug, new URL(request.url).searchParams.get("scope") ?? undefined),
  });
});
