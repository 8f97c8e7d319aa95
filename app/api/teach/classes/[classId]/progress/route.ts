import { NextResponse } from "next/server";
import { classProgressCsv, getClassProgress } from "@/lib/server/dal/analytics";
import { classParamsSchema } from "@/lib/validation/classes";
import { requireTeacher } from "@/lib/server/dal/session";
import { parseParams, route } from "@/lib/server/http";

type Context = { params: Promise<{ classId: string }> };

/** JSON by default; `?format=csv` downloads the progress table. */
export const GET = route(async (request: Request, { params }: Context) => {
  const user = await requireTeacher();
  const { classId } = await parseParams(params, classParamsSchema);
  const progress = await getClassProgress(user, classId);
  if (new URL(request.url).searchParams.get("format") !== "csv") return NextResponse.json({ progress });
  const filename = `${progress.className.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-|-$/g, "") || "class"}-progress.csv`;
  return new Response(classProgressCsv(progress), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
