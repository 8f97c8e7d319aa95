import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ensureLocalEnv } from "./local-env";

const dirs: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "timeslice-env-"));
  dirs.push(dir);
  return path.join(dir, ".env.local");
}

describe("ensureLocalEnv", () => {
  test("creates .env.local with the signing secret readable by its owner only (0600), whatever the umask", () => {
    for (const name of ["NEXTAUTH_SECRET", "AUTH_SECRET", "AUTH_TRUST_HOST", "NEXTAUTH_URL"])
      vi.stubEnv(name, undefined);
    const file = scratch();
    const umask = process.umask(0o000);
    try {
      ensureLocalEnv(file);
    } finally {
      process.umask(umask);
    }
    expect(readFileSync(file, "utf8")).toMatch(/^NEXTAUTH_SECRET=\S{40,}$/m);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  test("tightens an existing world-readable file when it adds the secret to it", () => {
    for (const name of ["NEXTAUTH_SECRET", "AUTH_SECRET", "AUTH_TRUST_HOST", "NEXTAUTH_URL"])
      vi.stubEnv(name, undefined);
    const file = scratch();
    writeFileSync(file, "PORT=3000\n", { mode: 0o644 });
    ensureLocalEnv(file);
    expect(readFileSync(file, "utf8")).toMatch(/^PORT=3000\n/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
