// Page weight: first-load JavaScript (gzipped) of the landing page, a lesson and the exercise page, as a
// browser gets it — fetch the HTML from the production build, sum the gzipped size of every script it
// loads up front. Target read by people: the exercise page under 150 KB.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { prepareDatabase } from "../lib/db/prepare";
import { resolveDbTarget } from "../lib/db/provider";
import { publishedSlugs } from "../scripts/loadtest/db";
import { Student } from "../scripts/loadtest/client";
import { AppServer, ensureBuild } from "../scripts/loadtest/server";
import { Stats } from "../scripts/loadtest/stats";

interface PageWeight {
  path: string;
  /** Gzipped size of each `<script src>` a module-capable browser fetches, by src. */
  files: Map<string, number>;
  /** `<script nomodule>` (Next's legacy polyfills): every browser that runs modules skips it unfetched. */
  noModuleKb: number;
  inlineKb: number;
}

const gzipKb = (data: Buffer | string) => gzipSync(data, { level: 9 }).length / 1024;
const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

async function pageWeight(base: string, path: string, cookie: string): Promise<PageWeight> {
  const response = await fetch(base + path, { headers: { cookie } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const html = await response.text();
  const files = new Map<string, number>();
  let noModuleKb = 0;
  // Every script the page loads up front: <script src>, and the chunks it preloads (those of lazily
  // loaded components that the server rendered into this page, which hydration waits for).
  const scripts = [
    ...[...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].map(([tag, src]) => ({
      src: src!,
      noModule: /\snomodule/i.test(tag),
    })),
    ...[
      ...html.matchAll(
        /<link(?=[^>]*\srel="(?:preload|modulepreload)")(?=[^>]*\sas="script")[^>]*\shref="([^"]+)"[^>]*>/g,
      ),
    ].map(([, src]) => ({ src: src!, noModule: false })),
  ];
  for (const { src, noModule } of scripts) {
    if (files.has(src)) continue;
    const kb = gzipKb(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer()));
    if (noModule) noModuleKb += kb;
    else files.set(src, kb);
  }
  // Inline scripts (the RSC payload, the theme script) ship inside the HTML, gzipped together with it.
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("\n");
  return { path, files, noModuleKb, inlineKb: gzipKb(inline) };
}

/** The exercise page for a question with a timeline part: the heaviest answer widget, the common case. */
async function timelineQuestion(student: Student, slugs: string[]): Promise<string> {
  for (const slug of slugs) {
    const opened = await student.openExercise(slug);
    if (opened?.parts.some((p) => p.kind === "timeline")) return slug;
  }
  throw new Error("no published question has a timeline part");
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
    const slugs = await publishedSlugs(target);
    const paths = ["/", "/learn/scheduling-basics", `/practice/q/${await timelineQuestion(student, slugs)}`];
    const pages: PageWeight[] = [];
    for (const path of paths) pages.push(await pageWeight(app.base, path, cookie));

    const kb = (n: number) => n.toFixed(1).padStart(9);
    console.log(
      `${"page".padEnd(36)} ${"scripts".padStart(7)} ${"files KB".padStart(9)} ${"inline KB".padStart(9)} ${"total KB".padStart(9)}  (gzip -9)`,
    );
    for (const page of pages) {
      const files = sum(page.files.values());
      console.log(
        `${page.path.padEnd(36)} ${String(page.files.size).padStart(7)} ${kb(files)} ${kb(page.inlineKb)} ${kb(files + page.inlineKb)}`,
      );
    }
    const shared = [...pages[0]!.files.keys()].filter((src) => pages.every((p) => p.files.has(src)));
    const sharedKb = sum(shared.map((src) => pages[0]!.files.get(src)!));
    console.log(`${"shared by all three".padEnd(36)} ${String(shared.length).padStart(7)} ${kb(sharedKb)}`);
    for (const page of pages) {
      const own = [...page.files].filter(([src]) => !shared.includes(src));
      console.log(
        `  ${page.path} beyond the shared part: ${own.map(([src, size]) => `${src.split("/").pop()} ${size.toFixed(1)}`).join(", ") || "nothing"}`,
      );
    }
    console.log(
      `  not counted: <script nomodule> polyfills, ${pages[0]!.noModuleKb.toFixed(1)} KB, which browsers that run modules never fetch`,
    );
  } finally {
    app.stop();
  }
}
