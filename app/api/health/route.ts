import { NextResponse } from "next/server";
import { pingDatabase } from "@/lib/server/dal/health";
import { route } from "@/lib/server/http";

// Public by design, and says nothing but "this instance can reach its database": for a load balancer's
// health check and for the error page, which tells a database outage (503 here) apart from a bug.
export const GET = route(async () => {
  await pingDatabase();
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
});
