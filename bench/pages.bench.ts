// Page weight: first-load JavaScript (gzipped) of the landing page, a lesson and the exercise page, as a
// browser gets it — fetch the HTML from the production build, sum the gzipped size of every script it
// references. Target read by people: the exercise page under 150 KB.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { prepareDatabase } from "../lib/db/prepare";
import { resolveDbTarget } from "../lib/db/provider";
import { publishedSlugs } from "../scripts/loadtest/db";
import { Student } from "../scripts/loadtest/client";
import { AppServer, ensureBuild } from "../scripts/loadtest/server";
import { Stats } from "../scripts/loadtest/stats";

async function scriptWeight(base: string, path: string, cookie: string): Promise<{ scripts: number; filesKb: number; inlineKb: number }> {
  const html = await (await fetch(base + path, { headers: { cookie } })).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let files = 0;
  for (const src of srcs) files += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer()), { level: 9 }).length;
  // Inline scripts (the RSC payload, the theme script) ship inside the HTML, gzipped together with it.
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("\n");
  return { scripts: srcs.length, filesKb: files / 1024, inlineKb: gzipSync(inline, { level: 9 }).length / 1024 };
}

export default async function pagesBench(): Promise<void> {
  rmSync("data/bench-pages", { recursive: true, force: true });
  mkdirSync("data/bench-pages", { recursive: true });
  const databaseUrl = "file:./data/bench-pages/timeslice.db";
  const target = resolveDbTarget(databaseUrl);
  await prepareDatabase(target, { demoAccounts: true });
  ensureBuild();
  const app = new AppServer(3330, { databaseUrl, secret: randomBytes(32).toString("base64url") });
  await app.start();
  try {
    const student = new Student(app.base, new Stats(), "bench-pages-");
    if (!(await student.signIn(Date.now() + 60_000))) throw new Error("could not sign in");
    const cookie = student.cookieHeader();
    const slug = (await publishedSlugs(target))[0]!;
    console.log(`${"page".padEnd(30)} ${"scripts".padStart(7)} ${"files KB".padStart(9)} ${"inline KB".padStart(9)} ${"total KB".padStart(9)}  (gzip -9)`);
    for (const path of ["/", "/learn/scheduling-basics", `/practice/q/${slug}`]) {
      const { scripts, filesKb, inlineKb } = await scriptWeight(app.base, path, cookie);
      const kb = (n: number) => n.toFixed(1).padStart(9);
      console.log(`${path.padEnd(30)} ${String(scripts).padStart(7)} ${kb(filesKb)} ${kb(inlineKb)} ${kb(filesKb + inlineKb)}`);
    }
  } finally {
    app.stop();
  }
}
