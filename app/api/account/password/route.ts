import { NextResponse } from "next/server";
import { requireUser } from "@/lib/server/dal/session";
import { changePassword } from "@/lib/server/dal/users";
import { parseJsonBody, route } from "@/lib/server/http";
import { changePasswordSchema } from "@/lib/validation/auth";

// Changing the password ends every session of the account, this one included: sign in again after.
export const POST = route(async (request: Request) => {
  const user = await requireUser();
  await changePassword(user, await parseJsonBody(request, changePasswordSchema));
  return NextResponse.json({ ok: true });
});
