import Database from "better-sqlite3";
import { expect, type Page, test } from "@playwright/test";
import { type Answer, type AnswerKey, buildVariant, type QuestionTemplate, type VariantView } from "../lib/engine";
import { e2eDatabasePath, fetchInPage, signUpFreshStudent } from "./support";

// Answer keys never reach the browser before submission. A fresh student crawls every page and API
// response it can reach (links from the landing page and dashboard, plus the known student routes),
// practising, in a running mock interview and in review. Every response body is recorded in the browser;
// the test then rebuilds the server's KEY of each variant the student was served (template version + the
// server's seed, read from the e2e database) with the same pure engine, and looks for it in every
// response recorded before that variant's answer was revealed. A positive control shows the detector
// finds the keys once they are legitimately shown.

const MAX_PAGES = 200;
/** Student JSON routes without parameters; per-question and per-variant routes are added as found. */
const API_ROUTES = [
  "/api/progress",
  "/api/progress/history",
  "/api/review",
  "/api/review/count",
  "/api/classes",
  "/api/mock",
  "/api/auth/session",
];
/** Known student pages, crawled whether or not a link to them shows up. */
const PAGE_ROUTES = ["/", "/dashboard", "/practice", "/review", "/mock", "/classes", "/learn", "/history"];
/**
 * Field names found in keys (and graded reports) but in no variant's view: the key object itself, the
 * grading settings it carries, a simulation, an event-loop model, a fork tree, a capacity report and a
 * switch-cost report. The test checks that each really occurs in the keys it rebuilds.
 */
const KEY_FIELDS = [
  "expected",
  "scheduleScoring",
  "conventionCredit",
  "endReason",
  "firstRun",
  "decisions",
  "schedulesExplored",
  "neverReaped",
  "limitingResource",
  "totalOverheadMs",
];

// ---------- recording ----------

interface Captured {
  url: string;
  status: number;
  body: string;
}

/**
 * Every same-origin response the page receives (navigations, RSC fetches, API calls), with its body.
 * Files under /_next/static are skipped: they are built before any variant exists and are the same for
 * every user (build-secrets.spec.ts reads them from disk).
 */
class ResponseLog {
  readonly entries: Captured[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(page: Page, origin: string) {
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.origin !== origin || url.pathname.startsWith("/_next/static/")) return;
      const capture = response
        .text()
        .then((body) => void this.entries.push({ url: url.pathname + url.search, status: response.status(), body }))
        // Redirects and aborted requests have no body.
        .catch(() => undefined);
      this.pending.add(capture);
      void capture.finally(() => this.pending.delete(capture));
    });
  }

  /** Waits for bodies still being read; returns the number of responses recorded so far. */
  async settle(): Promise<number> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    return this.entries.length;
  }
}

/**
 * The forms a value can take inside a response: as sent (JSON, RSC stream), with one level of string
 * escaping removed (RSC rows inlined in HTML as JS strings, \u003c escapes) and with HTML entities decoded.
 */
function decodedForms(body: string): string[] {
  const forms = [body];
  if (body.includes("\\")) {
    forms.push(
      body
        .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
        .replace(/\\(["\\/])/g, "$1"),
    );
  }
  if (body.includes("&")) {
    forms.push(
      body.replace(
        /&quot;|&#x27;|&#39;|&lt;|&gt;|&amp;/g,
        (e) => ({ "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&lt;": "<", "&gt;": ">", "&amp;": "&" })[e]!,
      ),
    );
  }
  return forms;
}

/** A searchable view of a set of responses: one joined text of every form, so each needle costs one scan. */
class Haystack {
  private readonly forms: string[][];
  private readonly joined: string;

  constructor(readonly entries: readonly Captured[]) {
    this.forms = entries.map((e) => decodedForms(e.body));
    this.joined = this.forms.flat().join("\u0000");
  }

  /** The first response containing the needle in any form, or null. */
  find(needle: string): Captured | null {
    if (!this.joined.includes(needle)) return null;
    const i = this.forms.findIndex((forms) => forms.some((f) => f.includes(needle)));
    return this.entries[i] ?? null;
  }

  /** The first response containing the needle exactly as sent (no decoding needed), or null. */
  findRaw(needle: string): Captured | null {
    return this.entries.find((e) => e.body.includes(needle)) ?? null;
  }
}

// ---------- the server's keys, rebuilt ----------

interface Served {
  id: string;
  slug: string;
  mockItemId: string | null;
  view: VariantView;
  key: AnswerKey;
}

/** Every variant the server created for the student, rebuilt from the stored template version and seed. */
function servedVariants(email: string): Served[] {
  const db = new Database(e2eDatabasePath(), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        `SELECT v.id, v.seed, q.spec, t.slug, m.id AS mockItemId
           FROM Variant v
           JOIN User u ON u.id = v.userId
           JOIN QuestionVersion q ON q.id = v.versionId
           JOIN QuestionTemplate t ON t.id = v.templateId
           LEFT JOIN MockItem m ON m.variantId = v.id
          WHERE u.email = ?
          ORDER BY v.createdAt`,
      )
      .all(email) as { id: string; seed: number; spec: string; slug: string; mockItemId: string | null }[];
    return rows.map((row) => {
      const built = buildVariant(JSON.parse(row.spec) as QuestionTemplate, row.seed);
      if (!built.ok)
        throw new Error(`variant ${row.id} of ${row.slug} does not build: ${JSON.stringify(built.errors)}`);
      return { id: row.id, slug: row.slug, mockItemId: row.mockItemId, view: built.value.view, key: built.value.key };
    });
  } finally {
    db.close();
  }
}

/** Ids of the attempts stored for these variants. */
function attemptIdsOf(variantIds: readonly string[]): string[] {
  const db = new Database(e2eDatabasePath(), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(`SELECT id FROM Attempt WHERE variantId IN (${variantIds.map(() => "?").join(", ")})`)
      .all(...variantIds) as { id: string }[];
    return rows.map((r) => r.id);
  } finally {
    db.close();
  }
}

function publishedSlugs(): string[] {
  const db = new Database(e2eDatabasePath(), { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare(`SELECT slug FROM QuestionTemplate WHERE status = 'PUBLISHED' ORDER BY slug`).all() as {
        slug: string;
      }[]
    ).map((r) => r.slug);
  } finally {
    db.close();
  }
}

interface Needle {
  what: string;
  text: string;
}

/**
 * The recognisable encodings of one variant's key: each part's reference value next to its part id
 * (as in the key's `expected` and the report's `reference`), reference lists of three or more entries on
 * their own (a timeline, an order, a set of choices), and for simulated questions the per-task metrics,
 * the finish and waiting columns and the slice list. Anything that also occurs in the variant's own view
 * is public by definition and dropped, so a hit is always a leak.
 */
function needlesOf(v: Served): Needle[] {
  const needles: Needle[] = [];
  for (const [part, value] of Object.entries(v.key.expected)) {
    needles.push({ what: `reference of part '${part}'`, text: `${JSON.stringify(part)}:${JSON.stringify(value)}` });
    if (Array.isArray(value) && value.length >= 3)
      needles.push({ what: `reference list of part '${part}'`, text: JSON.stringify(value) });
  }
  const sim = v.key.data["sim"] as { tasks?: Record<string, unknown>[]; slices?: unknown[] } | undefined;
  if (sim?.tasks) {
    for (const task of sim.tasks)
      needles.push({ what: `metrics of task ${String(task["id"])}`, text: JSON.stringify(task) });
    for (const column of ["finish", "waiting"]) {
      const values = sim.tasks.map((t) => t[column]);
      // A column of one repeated value ([0,0,0]) is too common to mean anything.
      if (values.length >= 3 && new Set(values).size > 1)
        needles.push({ what: `${column} times as a list`, text: JSON.stringify(values) });
    }
  }
  if (sim?.slices && sim.slices.length > 0)
    needles.push({ what: "reference slices", text: JSON.stringify(sim.slices) });
  const publicText = JSON.stringify(v.view);
  return needles.filter((n) => !publicText.includes(n.text));
}

/**
 * What the student may legitimately see again: keys revealed after grading and the answers they sent.
 * An echo of their own answer is not a leak, nor is a revealed key that happens to equal another
 * variant's (concept questions keep their answer across seeds; part ids such as "lines" recur).
 */
class Known {
  private readonly texts = new Set<string>();

  revealed(v: Served): void {
    for (const n of needlesOf(v)) this.texts.add(n.text);
  }

  answered(answer: Answer): void {
    for (const [part, value] of Object.entries(answer.parts)) {
      this.texts.add(`${JSON.stringify(part)}:${JSON.stringify(value)}`);
      this.texts.add(JSON.stringify(value));
    }
  }

  has(text: string): boolean {
    return this.texts.has(text);
  }
}

/** Needles of each variant found in the haystack, as readable lines (empty = no leak). */
function variantLeaks(variants: readonly Served[], haystack: Haystack, known = new Known()): string[] {
  const found: string[] = [];
  for (const v of variants) {
    for (const n of needlesOf(v)) {
      if (known.has(n.text)) continue;
      const where = haystack.find(n.text);
      if (where)
        found.push(`${v.slug} (variant ${v.id}): ${n.what} ${n.text.slice(0, 120)} in ${where.url} (${where.status})`);
    }
  }
  return found;
}

/**
 * Key-only field names found in the haystack. Lesson pages (/learn/<slug>) are left out of this check
 * only: they are prerendered from the lesson files before any variant exists and are the same for
 * everyone (as /_next/static is), and their worked examples carry a fixed scenario's decision log and
 * slices on purpose (docs/lessons.md). variantLeaks still searches them for every served variant's key.
 */
function fieldLeaks(haystack: Haystack): string[] {
  const found: string[] = [];
  const pages = new Haystack(haystack.entries.filter((e) => !/^\/learn\/[a-z-]+$/.test(e.url.split("?")[0]!)));
  for (const field of KEY_FIELDS) {
    const where = pages.find(`"${field}":`);
    if (where) found.push(`key field "${field}" in ${where.url} (${where.status})`);
  }
  return found;
}

/** A valid answer that differs from the reference in every part (so an echo of it is never the key). */
function wrongAnswer(v: Served): Answer {
  const parts: Answer["parts"] = {};
  for (const part of v.view.parts) {
    const expected = JSON.stringify(v.key.expected[part.id]);
    const differs = (candidate: unknown) => JSON.stringify(candidate) !== expected;
    if (part.kind === "timeline") {
      const fills = [...part.tasks.map((t) => t.id), ...(part.allowIdle ? ["idle"] : [])].map((id) =>
        Array<string>(part.slots).fill(id),
      );
      parts[part.id] = fills.find(differs)!;
    } else if (part.kind === "number") {
      const value = v.key.expected[part.id];
      parts[part.id] = (typeof value === "number" ? value : 0) + 1000;
    } else if (part.kind === "order") {
      const ids = part.items.map((i) => i.id);
      parts[part.id] = [ids, [...ids].reverse(), [...ids.slice(1), ids[0]!]].find(differs) ?? ids;
    } else if (part.kind === "tree") {
      // The first process alone: every template's tree has more.
      parts[part.id] = [`-1:${part.rootLabel?.id ?? part.labels[0]!.id}`];
    } else {
      const ids = part.options.map((o) => o.id);
      parts[part.id] = part.multiple
        ? ([[ids[0]!], [ids[1]!]].find(differs) ?? [ids[0]!])
        : (ids.find(differs) ?? ids[0]!);
    }
  }
  return { parts };
}

// ---------- crawling ----------

function submissionId(): string {
  return `keys${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** Same-origin page paths linked from a document, minus next-auth's own pages (sign-out among them). */
function linksIn(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a\b[^>]*\shref="([^"#]*)/g)) {
    const href = m[1]!.replace(/&amp;/g, "&");
    if (!href.startsWith("/") || href.startsWith("//") || href.startsWith("/api/auth")) continue;
    out.push(href);
  }
  return out;
}

class Crawler {
  readonly visited = new Set<string>();
  readonly probedVariants = new Set<string>();

  constructor(
    private readonly page: Page,
    private readonly log: ResponseLog,
  ) {}

  /** A real navigation, for pages whose links appear only once client components have loaded. */
  async navigate(path: string): Promise<string[]> {
    await this.page.goto(path, { waitUntil: "networkidle" });
    return linksIn(await this.page.content());
  }

  /**
   * Fetches each page's HTML and then its RSC payload from inside the page (so the browser records
   * both), following same-origin links until none are new. Pages run four at a time; one page's two
   * requests run in order so they show the same variant.
   */
  async crawl(start: readonly string[], { again = false } = {}): Promise<void> {
    if (again) start.forEach((p) => this.visited.delete(p));
    const queue = [...new Set(start)].filter((p) => !this.visited.has(p));
    while (queue.length > 0) {
      const batch = queue.splice(0, 4);
      batch.forEach((p) => this.visited.add(p));
      expect(this.visited.size, "the crawl stays bounded").toBeLessThanOrEqual(MAX_PAGES);
      const found = await Promise.all(
        batch.map(async (path) => {
          const html = await fetchInPage(this.page, path);
          await fetchInPage(this.page, path, { headers: { RSC: "1" } });
          return linksIn(html.body);
        }),
      );
      for (const link of found.flat()) if (!this.visited.has(link) && !queue.includes(link)) queue.push(link);
    }
  }

  async api(paths: readonly string[]): Promise<void> {
    for (let i = 0; i < paths.length; i += 6)
      await Promise.all(paths.slice(i, i + 6).map((p) => fetchInPage(this.page, p)));
  }

  /** Follows the variant ids any response has shown to the student to their attempt lists. */
  async probeVariants(): Promise<void> {
    await this.log.settle();
    const ids = new Set<string>();
    for (const e of this.log.entries)
      for (const f of decodedForms(e.body))
        for (const m of f.matchAll(/"variantId":"([a-z0-9]{20,40})"/g)) ids.add(m[1]!);
    const fresh = [...ids].filter((id) => !this.probedVariants.has(id));
    fresh.forEach((id) => this.probedVariants.add(id));
    await this.api(fresh.map((id) => `/api/variants/${id}/attempts`));
  }

  /** Everything a student can reach: hub pages in the browser, then links, known pages and the JSON routes. */
  async everything(
    slugs: readonly string[],
    extraPages: readonly string[] = [],
    { questionPages = true } = {},
  ): Promise<void> {
    const links = [...(await this.navigate("/")), ...(await this.navigate("/dashboard"))];
    const pages = [
      ...links,
      ...PAGE_ROUTES,
      ...(questionPages ? slugs.map((s) => `/practice/q/${s}`) : []),
      ...extraPages,
    ];
    // Question pages already seen stay seen unless asked for: their variant does not change.
    if (questionPages) this.visited.clear();
    else this.visited.forEach((p) => !p.startsWith("/practice/q/") && this.visited.delete(p));
    extraPages.forEach((p) => this.visited.delete(p));
    await this.crawl(pages);
    await this.api([...API_ROUTES, ...slugs.map((s) => `/api/questions/${s}/attempts`)]);
    await this.probeVariants();
  }
}

// ---------- the test ----------

test("no page or API response shows a student a reference answer before it is submitted", async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const log = new ResponseLog(page, new URL(baseURL!).origin);
  const crawler = new Crawler(page, log);
  const student = await signUpFreshStudent(page, "keys");
  const slugs = publishedSlugs();
  expect(slugs.length).toBeGreaterThan(30);

  // 1. Practice: every page, every question of the bank (each hands out a variant), every JSON route.
  await crawler.everything(slugs);
  const practiceEnd = await log.settle();
  const practice = servedVariants(student.email);
  expect(new Set(practice.map((v) => v.slug)), "each question page handed out a variant").toEqual(new Set(slugs));
  const before = new Haystack(log.entries.slice(0, practiceEnd));
  // The crawl saw what the server served, and the test-side engine rebuilt the same variants.
  for (const v of practice) {
    expect(before.find(`"variantId":"${v.id}"`), `variant ${v.id} of ${v.slug} was served`).not.toBeNull();
    expect(before.find(JSON.stringify(v.view.parts)), `the rebuilt view of ${v.slug} is the served one`).not.toBeNull();
  }
  // The field names checked are really key fields.
  const keyText = practice.map((v) => JSON.stringify(v.key)).join("\n");
  expect(
    KEY_FIELDS.filter((field) => !keyText.includes(`"${field}":`)),
    "key fields that occur in no rebuilt key",
  ).toEqual([]);
  expect(variantLeaks(practice, before)).toEqual([]);
  expect(fieldLeaks(before)).toEqual([]);

  // 2. Mock interview: start it in the page, answer three questions, crawl again while it runs.
  await page.goto("/mock");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("15 minutes").check();
  await page.getByRole("button", { name: "Start mock interview" }).click();
  await expect(page).toHaveURL(/\/mock\/[a-z0-9]+$/);
  const mockPath = new URL(page.url()).pathname;
  const sessionId = mockPath.split("/").pop()!;
  // Every mock opens with an explain prompt (free text, then self-assessment) before the graded questions.
  for (const [step, body] of [
    ["explain", { text: "A typed explanation." }],
    ["assess", { covered: [] }],
  ] as const) {
    const done = await fetchInPage(page, `/api/mock/${sessionId}/${step}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(done.status, done.body).toBe(201);
  }
  const known = new Known();
  for (let i = 0; i < 3; i++) {
    const state = JSON.parse((await fetchInPage(page, `/api/mock/${sessionId}`)).body) as {
      question: { itemId: string; view: VariantView } | null;
    };
    expect(state.question).not.toBeNull();
    const item = servedVariants(student.email).find((v) => v.mockItemId === state.question!.itemId)!;
    expect(JSON.stringify(item.view)).toBe(JSON.stringify(state.question!.view));
    const answer = wrongAnswer(item);
    known.answered(answer);
    const answered = await fetchInPage(page, `/api/mock/${sessionId}/answer`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ itemId: item.mockItemId, submissionId: submissionId(), answer }),
    });
    expect(answered.status, answered.body).toBe(201);
    await crawler.navigate(mockPath);
  }
  // Pages a mock answer can change: the hubs, the interview, and each of its questions' practice page.
  const mockSlugs = servedVariants(student.email)
    .filter((v) => v.mockItemId !== null)
    .map((v) => v.slug);
  await crawler.everything(slugs, [mockPath, ...mockSlugs.map((s) => `/practice/q/${s}`)], { questionPages: false });
  const mockEnd = await log.settle();
  const mock = servedVariants(student.email).filter((v) => v.mockItemId !== null);
  expect(mock.length).toBe(4); // three answered, one on screen
  const whileRunning = new Haystack(log.entries.slice(0, mockEnd));
  for (const v of mock)
    expect(whileRunning.find(JSON.stringify(v.view.parts)), `mock question ${v.slug} was served`).not.toBeNull();
  expect(variantLeaks([...practice, ...mock], whileRunning, known)).toEqual([]);
  expect(fieldLeaks(whileRunning)).toEqual([]);

  // 3. End the interview in the page: now its answers are shown, and the detector must find them there.
  await page.goto(mockPath);
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "End interview" }).click();
  await expect(page.getByRole("heading", { name: "Interview report" })).toBeVisible();
  const endedAt = await log.settle();
  await crawler.crawl(["/history"], { again: true });
  await crawler.api(["/api/progress/history"]);
  const afterEnd = new Haystack(log.entries.slice(endedAt, await log.settle()));
  const unanswered = mock[mock.length - 1]!;
  const answeredMock = mock.filter((v) => v.id !== unanswered.id);
  answeredMock.forEach((v) => known.revealed(v));
  for (const v of answeredMock)
    expect(variantLeaks([v], afterEnd), `the detector finds ${v.slug}'s key once the interview is over`).not.toEqual(
      [],
    );

  // 4. Review: the interview put questions in the queue; a review hands out a fresh variant.
  await page.goto("/review");
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Start review" }).click();
  await expect(page).toHaveURL(/\/practice\/q\/[a-z0-9-]+\?review=1$/);
  await page.waitForLoadState("networkidle");
  await crawler.crawl([new URL(page.url()).pathname + new URL(page.url()).search, "/review", "/dashboard"], {
    again: true,
  });
  const earlier = new Set([...practice, ...mock].map((v) => v.id));
  const review = servedVariants(student.email).filter((v) => !earlier.has(v.id));
  expect(review.length).toBe(1);
  // Responses that show a graded mock answer carry more than its key (the student's answer, other
  // conventions' values) and may hold numbers a same-question variant shares by chance: left out here;
  // everything else must still not show the unsubmitted variants' keys.
  const revealedAttempts = attemptIdsOf(answeredMock.map((v) => v.id));
  expect(revealedAttempts.length).toBe(answeredMock.length);
  const showsRevealed = (url: string) =>
    answeredMock.some((v) => url === `/api/variants/${v.id}/attempts`) ||
    revealedAttempts.some((id) => url.startsWith(`/history/${id}`) || url === `/api/attempts/${id}`);
  const everythingElse = new Haystack(log.entries.slice(0, await log.settle()).filter((e) => !showsRevealed(e.url)));
  expect(variantLeaks([...practice, unanswered, ...review], everythingElse, known)).toEqual([]);

  // 5. Positive control on practice: submit wrong answers to a timeline and a numeric question; the key
  // now appears as sent in the grading response, and only after decoding in the attempt's HTML page.
  for (const type of ["schedule", "metrics"]) {
    const v = practice.find((p) => p.view.type === type)!;
    const submittedAt = await log.settle();
    const result = await fetchInPage(page, `/api/variants/${v.id}/attempts`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ submissionId: submissionId(), answer: wrongAnswer(v) }),
    });
    expect(result.status, result.body).toBe(201);
    const attemptId = (JSON.parse(result.body) as { attempt: { id: string } }).attempt.id;
    await fetchInPage(page, `/history/${attemptId}`);
    const after = new Haystack(log.entries.slice(submittedAt, await log.settle()));
    const reference = needlesOf(v).find((n) => n.what.startsWith("reference of part"))!;
    expect(
      after.findRaw(reference.text)?.url,
      `${v.slug}: the grading response carries the reference as sent`,
    ).toContain("/attempts");
    const page_ = after.entries.find((e) => e.url === `/history/${attemptId}`)!;
    expect(page_.body.includes(reference.text), "the HTML page holds it only in escaped form").toBe(false);
    expect(
      new Haystack([page_]).find(reference.text),
      `${v.slug}: the decoded HTML page carries the reference`,
    ).not.toBeNull();
  }
});
