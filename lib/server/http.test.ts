import { describe, expect, test } from "vitest";
import { AppError } from "./errors";
import { assertSameOriginJson, isUnavailable, MAX_BODY_BYTES, readBodyText } from "./http";

// Shapes seen in the load test's server log while PostgreSQL was killed and restarted: each must become a
// 503 (retry later), never a 500. Ordinary failures must stay errors.
function prismaError(code: string, message: string): Error {
  return Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code });
}

describe("isUnavailable", () => {
  test.each([
    ["can't reach the server", prismaError("P1001", "DatabaseNotReachable")],
    [
      "transaction could not start in time",
      prismaError("P2028", "Transaction API error: Unable to start a transaction in the given time."),
    ],
    [
      "restarting PostgreSQL (57P03)",
      prismaError("P2039", "Database error. Code: `57P03`. Message: `the database system is starting up`"),
    ],
    [
      "PostgreSQL shutting down (57P01)",
      prismaError(
        "P2039",
        "Database error. Code: `57P01`. Message: `terminating connection due to administrator command`",
      ),
    ],
    ["the pg pool's connect timeout", new Error("timeout exceeded when trying to connect")],
    ["a connection dropped mid-query", new Error("Connection terminated unexpectedly")],
  ])("%s is an outage", (_label, error) => {
    expect(isUnavailable(error)).toBe(true);
  });

  test.each([
    ["a unique-constraint violation", prismaError("P2002", "Unique constraint failed on the fields: (`email`)")],
    [
      "a missing record",
      prismaError(
        "P2025",
        "An operation failed because it depends on one or more records that were required but not found.",
      ),
    ],
    ["a programming error", new TypeError("Cannot read properties of undefined (reading 'id')")],
    [
      "a SQLSTATE outside class 57",
      prismaError("P2039", "Database error. Code: `22P02`. Message: `invalid input syntax for type integer`"),
    ],
  ])("%s is not an outage", (_label, error) => {
    expect(isUnavailable(error)).toBe(false);
  });
});

/** A body that never ends, counting how many chunks the reader pulled. */
function endlessBody(chunkBytes: number) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled++;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
  });
  return { stream, counter };
}

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request("http://site.test/api/x", {
    method: "POST",
    body,
    headers: { host: "site.test", ...headers },
    duplex: "half",
  } as RequestInit);
}

describe("readBodyText", () => {
  test("stops reading an endless chunked body at the limit and answers 413 naming it", async () => {
    const { stream, counter } = endlessBody(16 * 1024);
    const error = await readBodyText(post(stream), 64 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringContaining(String(64 * 1024)) as unknown,
    });
    // 64 KiB in 16 KiB chunks: the fifth chunk crosses the limit; a stream source may pull one ahead.
    expect(counter.pulled).toBeGreaterThanOrEqual(5);
    expect(counter.pulled).toBeLessThanOrEqual(6);
  });

  test("refuses a declared Content-Length over the limit without reading", async () => {
    const { stream, counter } = endlessBody(1024);
    await expect(readBodyText(post(stream, { "content-length": String(MAX_BODY_BYTES + 1) }))).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    expect(counter.pulled).toBeLessThanOrEqual(1);
  });

  test("returns a body at the limit whole, multi-byte characters intact", async () => {
    const text = "é".repeat(100) + "x".repeat(56);
    expect(new TextEncoder().encode(text).byteLength).toBe(256);
    expect(await readBodyText(post(text), 256)).toBe(text);
    await expect(readBodyText(post(text + "y"), 256)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});

describe("assertSameOriginJson (CSRF)", () => {
  const json = { "content-type": "application/json" };
  const refused = (headers: Record<string, string>, body: string | null = "{}", method = "POST") => {
    try {
      assertSameOriginJson(
        new Request("http://site.test/api/x", { method, body, headers: { host: "site.test", ...headers } }),
      );
      return null;
    } catch (error) {
      return error instanceof AppError ? error.code : "other";
    }
  };

  test("lets same-origin JSON and non-browser clients through", () => {
    expect(refused({ ...json, origin: "http://site.test", "sec-fetch-site": "same-origin" })).toBeNull();
    expect(refused(json)).toBeNull();
    expect(refused({}, null)).toBeNull(); // a bodiless POST from curl
    expect(refused({ origin: "https://site.test" }, null, "DELETE")).toBeNull();
  });

  test("refuses other origins, including same-site ones on another port", () => {
    expect(refused({ ...json, origin: "http://site.test:4000" })).toBe("FORBIDDEN");
    expect(refused({ ...json, origin: "http://evil.site.test" })).toBe("FORBIDDEN");
    expect(refused({ ...json, origin: "null" })).toBe("FORBIDDEN");
    expect(refused({ ...json, "sec-fetch-site": "same-site" })).toBe("FORBIDDEN");
    expect(refused({ ...json, "sec-fetch-site": "cross-site" })).toBe("FORBIDDEN");
    expect(refused({}, null, "PATCH")).toBeNull();
    expect(refused({ origin: "http://site.test:4000" }, null, "DELETE")).toBe("FORBIDDEN");
  });

  test("refuses bodies a form or a no-cors fetch can send", () => {
    expect(refused({ "content-type": "text/plain" }, '{"code":"X"}')).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(refused({ "content-type": "application/x-www-form-urlencoded" }, "code=X")).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(refused({ "content-type": "multipart/form-data; boundary=x" }, "--x--")).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(refused({ "content-type": "application/json; charset=utf-8" })).toBeNull();
  });

  test("leaves reads alone", () => {
    expect(refused({ origin: "http://elsewhere.test", "sec-fetch-site": "cross-site" }, null, "GET")).toBeNull();
  });
});
