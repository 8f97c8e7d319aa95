import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findSecrets, SECRET_ENV_NAMES } from "../lib/security/secret-scan";

// No secret in what browsers get from the build: every file under <distDir>/static and every page
// prerendered at build time (<distDir>/server/app/**.html, .rsc, .body) is searched for the e2e server's
// signing key, admin password and database URL, secrets from .env.local (next build reads it), names of
// server-only environment variables (their presence means server code was bundled for the browser),
// private keys, argon2 hashes and other secret-shaped strings. The e2e run builds into this directory
// before the tests start; a planted copy of each needle shows the scan would notice.

const DIST = process.env.NEXT_DIST_DIR || ".next";
const PRERENDERED = /\.(?:html|rsc|body)$/;

function walk(dir: string, keep: (file: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, keep, out);
    else if (keep(full)) out.push(full);
  }
  return out;
}

/** What the server hands to browsers as built: static assets and prerendered pages. */
function servedFiles(dist: string): { staticFiles: string[]; prerendered: string[] } {
  return {
    staticFiles: walk(path.join(dist, "static"), () => true),
    prerendered: walk(path.join(dist, "server", "app"), (f) => PRERENDERED.test(f)),
  };
}

interface Needle {
  what: string;
  text: string;
}

/** A quoted literal assigned in scripts/e2e-server.ts, e.g. the signing key it gives the server. */
function e2eServerLiteral(pattern: RegExp): string {
  const value = pattern.exec(readFileSync("scripts/e2e-server.ts", "utf8"))?.[1];
  expect(value, `scripts/e2e-server.ts sets ${pattern.source}`).toBeTruthy();
  return value!;
}

/**
 * Names of environment variables the app reads on the server (process.env.X in app/, lib/, components/,
 * proxy.ts and the seed), except NODE_ENV, NEXT_PUBLIC_* (inlined for browsers on purpose) and
 * NEXTAUTH_URL (next-auth's browser client reads it by design), plus the secret names next-auth reads.
 */
function serverOnlyEnvNames(): string[] {
  const sources = [
    ...walk("app", (f) => /\.tsx?$/.test(f)),
    ...walk("lib", (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)),
    ...walk("components", (f) => /\.tsx?$/.test(f)),
    "proxy.ts",
    "prisma/seed.ts",
  ];
  const names = new Set<string>(SECRET_ENV_NAMES);
  for (const file of sources) {
    for (const m of readFileSync(file, "utf8").matchAll(
      /process\.env(?:\.([A-Z][A-Z0-9_]*)|\[["']([A-Z][A-Z0-9_]*)["']\])/g,
    ))
      names.add((m[1] ?? m[2])!);
  }
  return [...names].filter((n) => n !== "NODE_ENV" && n !== "NEXTAUTH_URL" && !n.startsWith("NEXT_PUBLIC_")).sort();
}

function needles(): Needle[] {
  const list: Needle[] = [
    {
      what: "the e2e server's NEXTAUTH_SECRET",
      text: process.env.NEXTAUTH_SECRET ?? e2eServerLiteral(/NEXTAUTH_SECRET \?\?= "([^"]+)"/),
    },
    { what: "the e2e admin password", text: e2eServerLiteral(/TIMESLICE_ADMIN_PASSWORD = "([^"]+)"/) },
    // DATABASE_URL of the e2e server (file:./data/e2e-<port>/timeslice.db) and of a default local start.
    { what: "a SQLite DATABASE_URL", text: "file:./data/" },
    { what: "the SQLite file name", text: "timeslice.db" },
    { what: "a PEM private key header", text: "BEGIN PRIVATE KEY" },
    { what: "an argon2 hash", text: "$argon2id$" },
  ];
  if (process.env.DATABASE_URL) list.push({ what: "this process's DATABASE_URL", text: process.env.DATABASE_URL });
  // next build loads .env.local, so its secrets are what a careless server component could render.
  if (existsSync(".env.local")) {
    for (const m of readFileSync(".env.local", "utf8").matchAll(/^\s*([A-Z_]+)\s*=\s*(\S{8,})\s*$/gm)) {
      if ((SECRET_ENV_NAMES as readonly string[]).includes(m[1]!) || m[1] === "DATABASE_URL")
        list.push({ what: `${m[1]} from .env.local`, text: m[2]! });
    }
  }
  for (const name of serverOnlyEnvNames()) list.push({ what: `the server-only variable name ${name}`, text: name });
  return list;
}

/** "file: what" for every needle or secret-shaped string in the given files. */
function scan(files: readonly string[], list: readonly Needle[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, "latin1");
    for (const n of list) if (text.includes(n.text)) found.push(`${file}: ${n.what}`);
    for (const f of findSecrets(text)) found.push(`${file}: ${f.rule} (${f.excerpt})`);
  }
  return found;
}

test("the build served to browsers holds no secret, password hash, private key or server-only variable", async ({
  request,
}) => {
  const { staticFiles, prerendered } = servedFiles(DIST);
  // The scan covers a real build, and the one this server serves.
  expect(existsSync(path.join(DIST, "BUILD_ID")), `${DIST}/BUILD_ID`).toBe(true);
  expect(staticFiles.filter((f) => f.endsWith(".js")).length).toBeGreaterThan(10);
  expect(prerendered.filter((f) => f.endsWith(".html")).length).toBeGreaterThan(3);
  expect(prerendered.filter((f) => f.endsWith(".rsc")).length).toBeGreaterThan(3);
  const landing = await (await request.get("/learn")).text();
  const chunk = /\/_next\/static\/(chunks\/[^"']+\.js)/.exec(landing)?.[1];
  expect(chunk, "the lesson index loads a script chunk").toBeTruthy();
  expect(existsSync(path.join(DIST, "static", chunk!)), `${chunk} is served from ${DIST}`).toBe(true);

  const list = needles();
  expect(list.map((n) => n.text)).toEqual(
    expect.arrayContaining(["NEXTAUTH_SECRET", "DATABASE_URL", "TIMESLICE_ADMIN_PASSWORD"]),
  );
  expect(scan([...staticFiles, ...prerendered], list)).toEqual([]);
});

test("the build scan finds each needle when it is planted", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "build-secrets-"));
  try {
    const list = needles();
    const files: string[] = [];
    // One planted file per needle, alternating between a static chunk and a prerendered page.
    list.forEach((n, i) => {
      const file =
        i % 2 === 0
          ? path.join(dir, "static", "chunks", `c${i}.js`)
          : path.join(dir, "server", "app", `p${i}.${["html", "rsc", "body"][i % 3]}`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `self.x=${JSON.stringify(`before ${n.text} after`)};`);
      files.push(file);
    });
    // A secret-shaped string no needle names: caught by the shared patterns.
    const key = path.join(dir, "static", "chunks", "key.js");
    writeFileSync(key, `const k = "${["-----BEGIN", "EC", "PRIVATE", "KEY-----"].join(" ")}";`);
    const clean = path.join(dir, "server", "app", "clean.html");
    writeFileSync(clean, "<html><body>Timeslice</body></html>");
    const { staticFiles, prerendered } = servedFiles(dir);
    expect([...staticFiles, ...prerendered].sort()).toEqual([...files, key, clean].sort());
    const found = scan([...staticFiles, ...prerendered], list);
    list.forEach((n, i) => expect(found, n.what).toContain(`${files[i]}: ${n.what}`));
    expect(found.some((f) => f.startsWith(`${key}: private key`))).toBe(true);
    expect(found.filter((f) => f.startsWith(clean))).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
