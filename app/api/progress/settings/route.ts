import { NextResponse } from "next/server";
import { settingsPatchSchema } from "@/lib/validation/progress";
import { updateSettings } from "@/lib/server/dal/progress";
import { requireUser } from "@/lib/server/dal/session";
import { parseJsonBody, route } from "@/lib/server/http";

export const PATCH = route(async (request: Request) => {
  const user = await requireUser();
  const patch = await parseJsonBody(request, settingsPatchSchema);
  return NextResponse.json({ settings: await updateSettings(user, patch) });
});
