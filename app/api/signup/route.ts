import { NextResponse } from "next/server";
import { createUser } from "@/lib/server/dal/users";
import { parseJsonBody, route } from "@/lib/server/http";
import { signUpSchema } from "@/lib/validation/auth";

// Public by design: creating an account is the one thing an anonymous visitor may do.
export const POST = route(async (request: Request) => {
  const input = await parseJsonBody(request, signUpSchema);
  const user = await createUser(input);
  return NextResponse.json({ user }, { status: 201 });
});
