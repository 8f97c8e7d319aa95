import { NextResponse } from "next/server";
import { signUp } from "@/lib/server/dal/users";
import { parseJsonBody, route } from "@/lib/server/http";
import { signUpSchema } from "@/lib/validation/auth";

// Public by design: creating an account is the one thing an anonymous visitor may do. The answer is the
// same whether or not the email already had an account (existence is not leaked).
export const POST = route(async (request: Request) => {
  const input = await parseJsonBody(request, signUpSchema);
  return NextResponse.json(await signUp(input), { status: 201 });
});
