import { expect, test } from "@playwright/test";
import { uniqueEmail } from "./support";

// Real HTTP against `next start`: every bad body gets a 4xx naming what is wrong, never a 500.
test.describe("POST /api/signup", () => {
  const good = () => ({ email: uniqueEmail("api"), name: "Api User", password: "password123" });

  test("creates an account once, and answers a taken email exactly like a new one", async ({ request }) => {
    const body = good();
    const created = await request.post("/api/signup", { data: body });
    expect(created.status()).toBe(201);
    expect(await created.json()).toEqual({ message: expect.stringContaining("sign in") as unknown });
    const again = await request.post("/api/signup", { data: body });
    expect(again.status()).toBe(201);
    expect(await again.json()).toEqual(await created.json());
  });

  for (const [label, patch, field] of [
    ["short password", { password: "short" }, "password"],
    ["bad email", { email: "nope" }, "email"],
    ["unknown role", { role: "SUPERUSER" }, "role"],
    ["self-made admin", { role: "ADMIN" }, "role"],
    ["number as name", { name: 42 }, "name"],
  ] as const) {
    test(`refuses a ${label} naming '${field}'`, async ({ request }) => {
      const response = await request.post("/api/signup", { data: { ...good(), ...patch } });
      expect(response.status()).toBe(400);
      const payload = await response.json();
      expect(payload.error.fields[field]).toBeTruthy();
      expect(payload.error.message).toContain(field);
    });
  }

  test("refuses malformed JSON and a non-object with 400, an oversized body with 413", async ({ request }) => {
    const malformed = await request.post("/api/signup", {
      data: Buffer.from("{not json"),
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error.message).toContain("not valid JSON");
    const array = await request.post("/api/signup", { data: [1, 2, 3] });
    expect(array.status()).toBe(400);
    const huge = await request.post("/api/signup", { data: { ...good(), name: "x".repeat(400_000) } });
    expect(huge.status()).toBe(413);
    expect((await huge.json()).error.message).toContain("larger than the limit of 262144 bytes");
  });
});

test("anonymous requests to signed-in pages are sent to sign in", async ({ request }) => {
  const response = await request.get("/teach", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain("/signin?callbackUrl=%2Fteach");
});
