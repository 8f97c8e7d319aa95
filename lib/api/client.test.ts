import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, apiJson } from "./client";

// The one browser client against a real HTTP server on loopback: every failure becomes one ApiError.

let server: Server;
let base = "";
const seen: { method?: string; type?: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ method: req.method, type: req.headers["content-type"], body });
      if (req.url === "/ok")
        return res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ echo: body ? JSON.parse(body) : null }));
      if (req.url === "/invalid")
        return res.writeHead(400, { "content-type": "application/json" }).end(
          JSON.stringify({
            error: { code: "INVALID_INPUT", message: "slugs: not published", fields: { slugs: ["not published"] } },
          }),
        );
      res.writeHead(502, { "content-type": "text/html" }).end("<h1>Bad gateway</h1>");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("apiJson", () => {
  it("sends the body as JSON with its method and returns the parsed answer", async () => {
    const answer = await apiJson<{ echo: unknown }>(`${base}/ok`, { method: "PATCH", body: { a: [1, 2] } });
    expect(answer.echo).toEqual({ a: [1, 2] });
    expect(seen.at(-1)).toMatchObject({ method: "PATCH", type: "application/json" });
  });

  it("turns the server's error body into an ApiError with its code, message and field errors", async () => {
    const error = await apiJson(`${base}/invalid`, { method: "POST", body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: "INVALID_INPUT",
      message: "slugs: not published",
      fields: { slugs: ["not published"] },
    });
  });

  it("names a failure whose body is not the API's", async () => {
    const error = await apiJson(`${base}/html`).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: "BAD_RESPONSE", message: "request failed (502)", fields: {} });
  });

  it("reports an unreachable server as a network ApiError, not a TypeError", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await apiJson(`http://127.0.0.1:${port}/gone`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: "NETWORK" });
  });
});
