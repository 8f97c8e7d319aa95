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
    {
      status: STATUS_OF[error.code],
      headers: error.code === "UNAVAILABLE" ? { "Retry-After": String(RETRY_AFTER_SECONDS) } : undefined,
    },
  );
}

const MUTATING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function tooLarge(limit: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `request body is larger than the limit of ${limit} bytes`);
}

/**
 * The body as text, read from the stream chunk by chunk and abandoned as soon as it passes `limit` bytes.
 * A declared Content-Length cannot be trusted to bound memory: a chunked body declares none, so
 * request.text() would buffer all of it before any size check could run.
 */
export async function readBodyText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("INVALID_INPUT", "request body is not valid UTF-8");
  }
}

/** Whether `origin` (an Origin header) is this site: the host the browser addressed, or NEXTAUTH_URL's. */
function isSiteOrigin(origin: string, request: Request): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, some redirects) and garbage are never this site
  }
  if (host === request.headers.get("host")) return true;
  const configured = process.env.NEXTAUTH_URL;
  if (!configured) return false;
  try {
    return host === new URL(configured).host;
  } catch {
    return false;
  }
}

/**
 * Refuses a request another origin's page made the browser send (cross-site request forgery). SameSite=Lax
 * cookies do not stop it from a *same-site* origin (another port or subdomain of this host), so:
 * - a browser says where the request comes from (Sec-Fetch-Site, Origin; pages cannot forge either), and
 *   anything but this very origin is refused;
 * - a body must be declared application/json, which no HTML form can send and which a cross-origin
 *   fetch can only send after a CORS preflight this site never grants.
 * A request with neither header is not from a browser page (curl, the test clients), so there is no
 * victim whose cookies could be borrowed, and it passes the origin check.
 */
export function assertSameOriginJson(request: Request): void {
  if (!MUTATING_METHODS.has(request.method)) return;
  assertSameOrigin(request);
  const type = request.headers.get("content-type");
  const hasBody = Number(request.headers.get("content-length") ?? 0) > 0 || request.headers.has("transfer-encoding");
  if ((type !== null || hasBody) && !isJsonType(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "content-type must be application/json");
  }
}

/** The origin half of assertSameOriginJson, also used for next-auth's form posts (which are not JSON). */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin")
    throw new AppError("FORBIDDEN", `cross-origin request refused (sec-fetch-site: ${site})`);
  const origin = request.headers.get("origin");
  if (origin !== null && !isSiteOrigin(origin, request))
    throw new AppError("FORBIDDEN", "cross-origin request refused (origin is not this site)");
}

function isJsonType(type: string | null): boolean {
  return type !== null && type.split(";")[0]!.trim().toLowerCase() === "application/json";
}

/** Reads and validates a JSON body; every failure is an AppError with a message naming the problem. */
export async function parseJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  // The content type was checked by route() with the other cross-site request rules, for every route.
  const text = await readBodyText(request);
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
 * Wraps a route handler: refuses cross-origin and non-JSON mutating requests; AppErrors become their status, anything else a logged 500 with no detail.
 * Database outages become 503 so clients can retry instead of seeing a generic failure.
 */
export function route<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      // Every mutating route is wrapped, so the CSRF rules hold for all of them from this one place.
      if (args[0] instanceof Request) assertSameOriginJson(args[0]);
      return await handler(...args);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      if (isUnavailable(error))
        return errorResponse(new AppError("UNAVAILABLE", "the database is unavailable; try again shortly"));
      // Next's own control-flow throws (redirect, notFound, forbidden) must pass through untouched.
      if (
        error instanceof Error &&
        "digest" in error &&
        typeof error.digest === "string" &&
        error.digest.startsWith("NEXT_")
      )
        throw error;
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
  return /ECONNREFUSED|ECONNRESET|Can't reach database|Connection terminated|connection timeout|timeout exceeded when trying to connect|terminating connection|the database system is (starting up|shutting down|in recovery mode)|\b57P0[1-4]\b|DatabaseNotReachable|SQLITE_BUSY/i.test(
    text,
  );
}

/** Validates a route's path parameters; a bad one is a 400 naming the parameter. */
export async function parseParams<T>(params: Promise<unknown>, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await params);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first?.path.join(".") || "path";
  throw new AppError("INVALID_INPUT", `${where}: ${first?.message ?? "invalid"}`, {
    [where]: [first?.message ?? "invalid"],
  });
}
