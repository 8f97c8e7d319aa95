import { EXPORT_MEDIA, exportBank } from "@/lib/server/dal/authoring-exchange";
import { parseBankFilter } from "@/lib/server/dal/authoring-filter";
import { requireTeacher } from "@/lib/server/dal/session";
import { AppError } from "@/lib/server/errors";
import { route } from "@/lib/server/http";
import { exportFormatSchema } from "@/lib/validation/questions";

// A download of the visible bank (filtered like the bank page): ?format=json|gift|moodle.
export const GET = route(async (request: Request) => {
  const user = await requireTeacher();
  const params = new URL(request.url).searchParams;
  const format = exportFormatSchema.safeParse(params.get("format") ?? "json");
  if (!format.success)
    throw new AppError("INVALID_INPUT", "format: must be json, gift or moodle", {
      format: ["must be json, gift or moodle"],
    });
  const body = await exportBank(user, parseBankFilter(params), format.data);
  const media = EXPORT_MEDIA[format.data];
  return new Response(body, {
    headers: {
      "content-type": media.type,
      "content-disposition": `attachment; filename="timeslice-bank.${media.extension}"`,
      "cache-control": "no-store",
    },
  });
});
