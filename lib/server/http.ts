import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError, STATUS_OF } from "./errors";

/** Largest JSON body any route accepts; bigger ones are refused before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Seconds a client is told to wait before retrying during a database outage (roughly a restart). */
export const RETRY_AFTER_SECONDS = 5;

export function errorResponse(error: AppError): NextResponse {
  return NextResponse.json(
    { error: { code: error.code, message: error.message, fields: error.fieldErrors } },
    { status: STATUS_OF[error.code], headers: error.code === "UNAVAILABLE" ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : undefined },
  );
}

/** Reads and validates a JSON body; every failure is an AppError with a message naming the problem. */
export async function parseJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError("INVALID_INPUT", `request body is larger than ${MAX_BODY_BYTES} bytes`);
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("INVALID_INPUT", `request body is larger than ${MAX_BODY_BYTES} bytes`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "request body is not valid JSON");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.length ? issue.path.join(".") : "(body)";
      (fields[key] ??= []).push(issue.message);
    }
    const first = parsed.error.issues[0];
    const where = first?.path.length ? first.path.join(".") : "body";
    throw new AppError("INVALID_INPUT", `${where}: ${first?.message ?? "invalid"}`, fields);
  }
  return parsed.data;
}

/**
 * Wraps a route handler: AppErrors become their status, anything else a logged 500 with no detail.
 * Database outages become 503 so clients can retry instead of seeing a generic failure.
 */
export function route<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      if (isUnavailable(error)) return errorResponse(new AppError("UNAVAILABLE", "the database is unavailable; try again shortly"));
      // Next's own control-flow throws (redirect, notFound, forbidden) must pass through untouched.
      if (error instanceof Error && "digest" in error && typeof error.digest === "string" && error.digest.startsWith("NEXT_")) throw error;
      console.error(error);
      return NextResponse.json({ error: { code: "INTERNAL", message: "unexpected server error" } }, { status: 500 });
    }
  };
}

// Prisma codes for "the database is not there right now": can't reach (P1001), timed out connecting
// (P1002), server closed the connection (P1017), no pool connection in time (P2024), transaction could
// not start in time (P2028, what a restarting PostgreSQL produces under load).
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1017", "P2024", "P2028"]);

export function isUnavailable(error: unknown): boolean {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  if (UNAVAILABLE_CODES.has(code)) return true;
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  // PostgreSQL's class 57P (shutting down, crash recovery, "the database system is starting up") reaches
  // us wrapped in a generic Prisma error (P2039) whose message carries the SQLSTATE; the pg pool's own
  // connect timeout is a plain Error.
  return /ECONNREFUSED|ECONNRESET|Can't reach database|Connection terminated|connection timeout|timeout exceeded when trying to connect|terminating connection|the database system is (starting up|shutting down|in recovery mode)|\b57P0[1-4]\b|DatabaseNotReachable|SQLITE_BUSY/i.test(text);
}
