// Grading through the whole stack (Next route + session + DAL + engine + DB write, in `next start`)
// versus a minimal node:http server doing the same engine calls (buildVariant + checkAnswer +
// gradeAnswer) and the same Attempt insert, side by side in one run, same client loop, same database
// file. The ratio is what the framework, session and DAL cost; aim ≥ 0.5. Prints, never asserts.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { createPrismaClient } from "../lib/db/client";
import { prepareDatabase } from "../lib/db/prepare";
import { resolveDbTarget } from "../lib/db/provider";
import { buildVariant, checkAnswer, ENGINE_VERSION, gradeAnswer, validateTemplate } from "../lib/engine/index";
import type { QuestionTemplate } from "../lib/engine/index";
import { arbitraryAnswer, Student } from "../scripts/loadtest/client";
import { AppServer, ensureBuild, waitForHttp } from "../scripts/loadtest/server";
import { Stats } from "../scripts/loadtest/stats";

const DATABASE_URL = "file:./data/bench-stack/timeslice.db";
const CONCURRENCY = 16;
const SECONDS = 15;
const NEXT_PORT = 3331;
const MINIMAL_PORT = 3332;

/** The minimal server: one user, one variant per question, attempt numbers counted in memory. */
async function serveMinimal(): Promise<void> {
  const db = createPrismaClient(resolveDbTarget(DATABASE_URL));
  const user = await db.user.findFirstOrThrow({ where: { email: "student@example.com" } });
  const versions = await db.questionVersion.findMany({ where: { template: { status: "PUBLISHED" } }, include: { template: true } });
  const questions = new Map<string, { spec: QuestionTemplate; variantId: string; templateId: string; versionId: string; next: number }>();
  for (const v of versions) {
    if (v.version !== v.template.currentVersion) continue;
    const checked = validateTemplate(v.spec);
    if (!checked.ok) continue;
    const variant = await db.variant.create({ data: { userId: user.id, templateId: v.templateId, versionId: v.id, seed: 1, engineVersion: ENGINE_VERSION } });
    questions.set(v.template.slug, { spec: checked.value, variantId: variant.id, templateId: v.templateId, versionId: v.id, next: 1 });
  }
  createServer((request, response) => {
    if (request.method !== "POST") return void response.writeHead(200).end("ok");
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as { slug: string; seed: number; answer?: unknown };
      const q = questions.get(body.slug)!;
      const built = buildVariant(q.spec, body.seed);
      if (!built.ok) return void response.writeHead(400).end();
      if (body.answer === undefined) return void response.writeHead(200).end(JSON.stringify({ parts: built.value.view.parts }));
      const checked = checkAnswer(built.value.view, body.answer);
      if (!checked.ok) return void response.writeHead(400).end();
      const report = gradeAnswer(q.spec, built.value, checked.value);
      const row = await db.attempt.create({
        data: {
          userId: user.id, variantId: q.variantId, templateId: q.templateId, versionId: q.versionId, seed: body.seed,
          engineVersion: ENGINE_VERSION, attemptNumber: q.next++, submissionId: randomBytes(12).toString("base64url"),
          answer: checked.value as object, score: report.score, correct: report.correct, report: report as object,
        },
        select: { id: true },
      });
      response.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id: row.id, score: report.score }));
    });
  }).listen(MINIMAL_PORT, "127.0.0.1");
}

async function minimalLoop(slugs: string[], deadline: number): Promise<number> {
  let done = 0;
  const post = (body: object) => fetch(`http://127.0.0.1:${MINIMAL_PORT}/`, { method: "POST", body: JSON.stringify(body) });
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      for (let n = 0; n < 1_000_000 && Date.now() < deadline; n++) {
        const slug = slugs[(w + n) % slugs.length]!;
        const seed = w * 1_000_000 + n;
        const { parts } = (await (await post({ slug, seed })).json()) as { parts: Parameters<typeof arbitraryAnswer>[0] };
        const graded = await post({ slug, seed, answer: { parts: arbitraryAnswer(parts) } });
        await graded.arrayBuffer();
        if (graded.status === 201) done++;
      }
    }),
  );
  return done;
}

export default async function stackBench(): Promise<void> {
  rmSync("data/bench-stack", { recursive: true, force: true });
  mkdirSync("data/bench-stack", { recursive: true });
  const target = resolveDbTarget(DATABASE_URL);
  await prepareDatabase(target, { demoAccounts: true });
  ensureBuild();
  const app = new AppServer(NEXT_PORT, { databaseUrl: DATABASE_URL, secret: randomBytes(32).toString("base64url") });
  const minimal = spawn(process.execPath, ["--import", "tsx", import.meta.filename], { env: { ...process.env, STACK_BENCH_MINIMAL: "1" }, stdio: "inherit" });
  try {
    await app.start();
    await waitForHttp(`http://127.0.0.1:${MINIMAL_PORT}`, 60_000).catch(() => undefined);
    const db = createPrismaClient(target);
    const slugs = (await db.questionTemplate.findMany({ where: { status: "PUBLISHED" }, select: { slug: true } })).map((t) => t.slug);
    await db.$disconnect();

    const stats = new Stats();
    const students = Array.from({ length: CONCURRENCY }, () => new Student(app.base, stats, "bench-stack-"));
    await Promise.all(students.map((s) => s.signIn(Date.now() + 120_000)));
    // Warm-up both, then measure each alone so they do not share the CPU during their window.
    await Promise.all(students.map((s) => s.submitLoop(slugs, Date.now() + 3_000, 1_000)));
    await minimalLoop(slugs, Date.now() + 3_000);

    const before = stats.attemptsAcknowledged;
    let started = Date.now();
    await Promise.all(students.map((s) => s.submitLoop(slugs, started + SECONDS * 1000, 1_000_000)));
    // The full stack also creates a fresh variant whenever one runs out of attempts; those requests
    // are part of its cost, as they are for a real student.
    const stackRate = (stats.attemptsAcknowledged - before) / ((Date.now() - started) / 1000);
    started = Date.now();
    const minimalDone = await minimalLoop(slugs, started + SECONDS * 1000);
    const minimalRate = minimalDone / ((Date.now() - started) / 1000);

    console.log(`${CONCURRENCY} concurrent clients, ${SECONDS} s each, SQLite, keep-alive fetch`);
    console.log(`full stack (next start)    ${stackRate.toFixed(1).padStart(8)} graded attempts/s`);
    console.log(`minimal node:http + engine ${minimalRate.toFixed(1).padStart(8)} graded attempts/s (incl. one extra round trip for the view)`);
    console.log(`ratio stack / minimal      ${(stackRate / minimalRate).toFixed(2).padStart(8)}`);
  } finally {
    app.stop();
    minimal.kill("SIGTERM");
  }
}

if (process.env.STACK_BENCH_MINIMAL === "1") await serveMinimal();
