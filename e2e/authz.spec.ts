import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, type Browser, expect, test } from "@playwright/test";
import { DEMO_STUDENT, passMockPrompt, signIn, signUpAccount, uniqueEmail } from "./support";

// The authorization matrix over real HTTP: every API route and signed-in page × who is asking.
// "owner" is the instructor who owns the class and the authored question; "studentA" owns the
// variant, attempt and mock session. Anything another user owns answers 404 (existence is not leaked),
// a wrong role 403, no session 401 (pages: a redirect to sign-in).

type Who = "anonymous" | "studentA" | "studentB" | "owner" | "otherInstructor" | "admin";
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Every route × method the app serves, read from app/api/**\/route.ts exports: a route added without
 * rows in the matrix below fails this test. next-auth's own endpoints are excluded (public by design,
 * protected by its CSRF token and the origin check; e2e/security.spec.ts and e2e/auth.spec.ts test them).
 */
function servedRoutes(): { pattern: string; method: Method; regex: RegExp }[] {
  const found: { pattern: string; method: Method; regex: RegExp }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const pattern = "/" + path.relative("app", dir).split(path.sep).join("/");
        if (pattern.startsWith("/api/auth/")) continue;
        const source = readFileSync(full, "utf8");
        const methods = new Set<Method>();
        for (const m of source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g))
          methods.add(m[1] as Method);
        for (const m of source.matchAll(/export \{([^}]*)\}/g))
          for (const n of m[1]!.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(n[1] as Method);
        const regex = new RegExp(`^${pattern.replace(/\[[^\]]+\]/g, "[^/]+")}$`);
        for (const method of methods) found.push({ pattern, method, regex });
      }
    }
  };
  walk("app/api");
  return found;
}
const EVERYONE: Who[] = ["anonymous", "studentA", "studentB", "owner", "otherInstructor", "admin"];

async function signedIn(
  browser: Browser,
  account: { email: string; password: string } | null,
): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (account) await signIn(page, account);
  return page.request;
}

async function newAccount(request: APIRequestContext, role: "STUDENT" | "INSTRUCTOR") {
  const account = { email: uniqueEmail(role.toLowerCase()), password: "matrix-password-1", name: `Matrix ${role}` };
  await signUpAccount(request, role, account);
  return account;
}

test("every route and page answers each kind of user with the expected status", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const studentA = await newAccount(request, "STUDENT");
  const owner = await newAccount(request, "INSTRUCTOR");
  const otherInstructor = await newAccount(request, "INSTRUCTOR");
  const as: Record<Who, APIRequestContext> = {
    anonymous: request,
    studentA: await signedIn(browser, studentA),
    studentB: await signedIn(browser, DEMO_STUDENT),
    owner: await signedIn(browser, owner),
    otherInstructor: await signedIn(browser, otherInstructor),
    admin: await signedIn(browser, { email: "admin@example.com", password: "e2e-admin-password" }),
  };

  // Resources owned by studentA.
  const slug = "sjf-vs-stcf-timeline";
  const variant = (await (await as.studentA.post("/api/variants", { data: { slug } })).json()) as {
    variantId: string;
    view: { parts: { id: string; kind: string; slots?: number; tasks?: { id: string }[] }[] };
  };
  const part = variant.view.parts[0]!;
  const answer = { parts: { [part.id]: Array(part.slots).fill(part.tasks![0]!.id) } };
  const submitted = await as.studentA.post(`/api/variants/${variant.variantId}/attempts`, {
    data: { submissionId: "matrixattempt01", answer },
  });
  expect(submitted.status()).toBe(201);
  const attemptId = ((await submitted.json()) as { attempt: { id: string } }).attempt.id;
  const mock = (await (await as.studentA.post("/api/mock", { data: { minutes: 15 } })).json()) as { sessionId: string };
  await passMockPrompt(as.studentA, mock.sessionId);
  // A session whose explain prompt the matrix itself answers and assesses (the owner once each).
  const mockPrompt = (await (await as.studentA.post("/api/mock", { data: { minutes: 15 } })).json()) as {
    sessionId: string;
  };
  const mockItem = (
    (await (await as.studentA.get(`/api/mock/${mock.sessionId}`)).json()) as { question: { itemId: string } }
  ).question.itemId;
  const mockToEnd = (await (await as.studentA.post("/api/mock", { data: { minutes: 15 } })).json()) as {
    sessionId: string;
  };
  const sharedCode = ((await (await as.studentA.post("/api/shared", { data: { slug } })).json()) as { code: string })
    .code;
  const report = (await (
    await as.studentA.post("/api/reports", {
      data: { variantId: variant.variantId, message: "the matrix test reports this" },
    })
  ).json()) as { report: { id: string } };

  // Resources owned by the owning instructor.
  type ClassBody = { class: { id: string; joinCode: string } };
  const newClass = async (name: string) =>
    ((await (await as.owner.post("/api/teach/classes", { data: { name } })).json()) as ClassBody).class;
  // Lecturer topics (issue #24): one to rename, and one per caller that tries to delete.
  const topicSuffix = Date.now().toString(36);
  const newTopic = async (slug: string) =>
    expect((await as.owner.post("/api/teach/topics", { data: { slug, name: slug } })).status()).toBe(201);
  const ownerTopic = `matrix-topic-${topicSuffix}`;
  await newTopic(ownerTopic);
  for (const who of ["owner", "otherinstructor", "admin"]) await newTopic(`matrix-del-${who}-${topicSuffix}`);
  const created = { class: await newClass("Matrix class") };
  const classId = created.class.id;
  // Class management. Destructive calls get one target per caller who may succeed (owner, admin), so
  // the order callers run in cannot change a status; refused callers aim at the owner's target.
  const leaveClass = await newClass("Matrix class to leave");
  const archiveClass = await newClass("Matrix class to archive");
  for (const [who, code] of [
    ["studentA", created.class.joinCode],
    ["studentB", created.class.joinCode],
    ["studentA", leaveClass.joinCode],
  ] as const) {
    expect((await as[who].post("/api/classes/join", { data: { code } })).status()).toBe(200);
  }
  const studentAId = await userIdIn(as.owner, classId, studentA.email);
  const studentBId = await userIdIn(as.owner, classId, DEMO_STUDENT.email);
  const member = (who: Who) => (who === "admin" ? studentAId : studentBId);
  const assignmentFor: Partial<Record<Who, string>> = {};
  for (const who of ["owner", "admin"] as const) {
    const made = await as.owner.post(`/api/teach/classes/${classId}/assignments`, {
      data: { title: `To delete by ${who}`, slugs: [slug] },
    });
    assignmentFor[who] = ((await made.json()) as { assignment: { id: string } }).assignment.id;
  }
  const assignment = (who: Who) => assignmentFor[who === "admin" ? "admin" : "owner"]!;
  // An assignment that stays, for the students' assignment routes (members only; everyone else 404).
  const kept = await as.owner.post(`/api/teach/classes/${classId}/assignments`, {
    data: { title: "Matrix kept", slugs: [slug] },
  });
  const keptAssignment = ((await kept.json()) as { assignment: { id: string } }).assignment.id;
  const bank = (await (await as.owner.get("/api/teach/questions")).json()) as {
    questions: { id: string; slug: string }[];
  };
  const builtIn = bank.questions.find((q) => q.slug === slug)!;
  const duplicated = (await (
    await as.owner.post(`/api/teach/questions/${builtIn.id}/duplicate`, { data: {} })
  ).json()) as { question: { id: string; slug: string } };
  const questionId = duplicated.question.id;

  type Status = number | number[];
  const S = (anonymous: Status, student: Status, owner: Status, other: Status, admin: Status, studentB = student) =>
    ({ anonymous, studentA: student, studentB, owner, otherInstructor: other, admin }) satisfies Record<Who, Status>;
  const ownStudentThing = (ok: number) => S(401, ok, 404, 404, 404, 404);
  const signedInOnly = S(401, 200, 200, 200, 200);
  const teacherOnly = S(401, 403, 200, 200, 200);
  const ownedByOwner = (ok: number) => S(401, 403, ok, 404, ok);

  const teacherCreates = S(401, 403, 201, 201, 201);
  const badTemplate = S(401, 403, 400, 400, 400);
  const api: {
    method: Method;
    path: string | ((who: Who) => string);
    data?: unknown;
    expect: Record<Who, number | number[]>;
  }[] = [
    // Public by design; a signed-in caller may create another account too.
    {
      method: "POST",
      path: "/api/signup",
      data: (who: Who) => ({
        email: uniqueEmail(`matrix-signup-${who}`),
        password: "matrix-password-1",
        name: "Signup",
      }),
      expect: S(201, 201, 201, 201, 201),
    },
    // A wrong current password: every signed-in caller reaches the check, nobody changes anything.
    {
      method: "POST",
      path: "/api/account/password",
      data: { currentPassword: "not-the-password", newPassword: "never-set-password" },
      expect: S(401, 400, 400, 400, 400),
    },
    { method: "POST", path: "/api/teach/invites", data: {}, expect: teacherCreates },
    { method: "GET", path: "/api/admin/instructor-requests", expect: S(401, 403, 403, 403, 200) },
    {
      method: "PATCH",
      path: "/api/admin/instructor-requests/no-such-request",
      data: { approved: false },
      expect: S(401, 403, 403, 403, 404),
    },
    { method: "POST", path: "/api/variants", data: { slug }, expect: S(401, 201, 201, 201, 201) },
    {
      method: "POST",
      path: `/api/variants/${variant.variantId}/attempts`,
      data: { submissionId: "matrixattempt02", answer },
      expect: ownStudentThing(201),
    },
    {
      method: "POST",
      path: "/api/reports",
      data: { variantId: variant.variantId, message: "reported by the matrix" },
      expect: ownStudentThing(201),
    },
    { method: "POST", path: "/api/mock", data: { minutes: 15 }, expect: S(401, 201, 201, 201, 201) },
    // An empty answer reaches grading only for the session's owner (400); anyone else's session is missing.
    {
      method: "POST",
      path: `/api/mock/${mock.sessionId}/answer`,
      data: { itemId: mockItem, submissionId: "matrixmockanswer", answer: { parts: {} } },
      expect: ownStudentThing(400),
    },
    { method: "POST", path: `/api/mock/${mockToEnd.sessionId}/end`, expect: ownStudentThing(200) },
    {
      method: "POST",
      path: `/api/mock/${mockPrompt.sessionId}/explain`,
      data: { text: "Explained by the matrix." },
      expect: ownStudentThing(201),
    },
    {
      method: "POST",
      path: `/api/mock/${mockPrompt.sessionId}/assess`,
      data: { covered: [] },
      expect: ownStudentThing(201),
    },
    { method: "PATCH", path: "/api/progress/settings", data: { streaksEnabled: true }, expect: signedInOnly },
    { method: "GET", path: "/api/progress/interview", expect: signedInOnly },
    { method: "PUT", path: "/api/progress/interview", data: { interviewDate: null }, expect: signedInOnly },
    // Whether a review is due depends on the caller's history: drawn (201) or nothing due (404).
    { method: "POST", path: "/api/review/next", expect: S(401, [201, 404], [201, 404], [201, 404], [201, 404]) },
    { method: "POST", path: "/api/classes/join", data: { code: "ZZZZZZZZ" }, expect: S(401, 404, 404, 404, 404) },
    { method: "POST", path: "/api/teach/classes", data: { name: "Matrix extra class" }, expect: teacherCreates },
    { method: "GET", path: "/api/teach/regrade/no-such-job", expect: S(401, 403, 404, 404, 404) },
    { method: "POST", path: `/api/teach/questions/${builtIn.id}/duplicate`, data: {}, expect: teacherCreates },
    { method: "POST", path: "/api/teach/questions", data: { template: {} }, expect: badTemplate },
    { method: "PUT", path: `/api/teach/questions/${questionId}`, data: { template: {} }, expect: badTemplate },
    { method: "POST", path: "/api/teach/questions/import", data: { templates: "not a list" }, expect: badTemplate },
    { method: "GET", path: `/api/attempts/${attemptId}`, expect: ownStudentThing(200) },
    { method: "GET", path: `/api/variants/${variant.variantId}/attempts`, expect: ownStudentThing(200) },
    // After one graded attempt the first hint is unlocked for its owner.
    { method: "POST", path: `/api/variants/${variant.variantId}/hints`, expect: ownStudentThing(200) },
    { method: "GET", path: `/api/mock/${mock.sessionId}`, expect: ownStudentThing(200) },
    { method: "GET", path: `/api/questions/${slug}/attempts`, expect: signedInOnly },
    { method: "GET", path: "/api/progress", expect: signedInOnly },
    // Public by design: error pages ask it whether the database is reachable; it says nothing else.
    { method: "GET", path: "/api/health", expect: S(200, 200, 200, 200, 200) },
    // A shared question is public by design: anyone reaches grading (an empty answer is refused there, uncounted).
    {
      method: "POST",
      path: `/api/shared/${sharedCode}/grade`,
      data: { answer: { parts: {} } },
      expect: S(400, 400, 400, 400, 400),
    },
    { method: "POST", path: "/api/shared", data: { slug }, expect: S(401, 201, 201, 201, 201) },
    { method: "GET", path: `/api/shared/${sharedCode}`, expect: S(200, 200, 200, 200, 200) },
    { method: "GET", path: "/api/progress/history", expect: signedInOnly },
    { method: "GET", path: "/api/review", expect: signedInOnly },
    { method: "GET", path: "/api/review/count", expect: signedInOnly },
    { method: "GET", path: "/api/mock", expect: signedInOnly },
    { method: "GET", path: "/api/classes", expect: signedInOnly },
    {
      method: "POST",
      path: `/api/assignments/${keptAssignment}/variants`,
      data: { slug },
      expect: S(401, 201, 404, 404, 404, 201),
    },
    { method: "GET", path: "/api/teach/classes", expect: teacherOnly },
    { method: "GET", path: `/api/teach/classes/${classId}`, expect: ownedByOwner(200) },
    { method: "GET", path: `/api/teach/classes/${classId}/progress`, expect: ownedByOwner(200) },
    {
      method: "POST",
      path: `/api/teach/classes/${classId}/assignments`,
      data: { title: "Matrix", slugs: [slug] },
      expect: ownedByOwner(201),
    },
    { method: "POST", path: "/api/teach/regrade", data: { classId, slug, dryRun: true }, expect: ownedByOwner(200) },
    {
      method: "DELETE",
      path: (who) => `/api/teach/classes/${classId}/assignments/${assignment(who)}`,
      expect: ownedByOwner(200),
    },
    {
      method: "DELETE",
      path: (who) => `/api/teach/classes/${classId}/members/${member(who)}`,
      expect: ownedByOwner(200),
    },
    { method: "POST", path: `/api/teach/classes/${classId}/join-code`, expect: ownedByOwner(200) },
    // Archiving is idempotent, so owner and admin may both archive the same class.
    {
      method: "PATCH",
      path: `/api/teach/classes/${archiveClass.id}`,
      data: { archived: true },
      expect: ownedByOwner(200),
    },
    // Bad input is a 400 for any instructor, checked before ownership (so it reveals nothing).
    {
      method: "PATCH",
      path: `/api/teach/classes/${archiveClass.id}`,
      data: { archived: "yes" },
      expect: S(401, 403, 400, 400, 400),
    },
    {
      method: "DELETE",
      path: `/api/teach/classes/${classId}/members/not%20an%20id`,
      expect: S(401, 403, 400, 400, 400),
    },
    // Only a member leaves, and only themselves: studentB, instructors and admins are not in this class.
    { method: "DELETE", path: `/api/classes/${leaveClass.id}/membership`, expect: ownStudentThing(200) },
    { method: "GET", path: `/api/teach/questions/${questionId}`, expect: ownedByOwner(200) },
    {
      method: "POST",
      path: `/api/teach/questions/${questionId}/status`,
      data: { status: "DRAFT" },
      expect: ownedByOwner(200),
    },
    { method: "GET", path: "/api/teach/questions", expect: teacherOnly },
    { method: "GET", path: "/api/teach/topics", expect: teacherOnly },
    {
      method: "POST",
      path: "/api/teach/topics",
      data: (who: Who) => ({ slug: `matrix-new-${who.toLowerCase()}-${topicSuffix}`, name: "Matrix topic" }),
      expect: teacherCreates,
    },
    // Only its owner (and admins) rename or delete a topic; another instructor's attempt finds nothing.
    { method: "PATCH", path: `/api/teach/topics/${ownerTopic}`, data: { name: "Renamed" }, expect: ownedByOwner(200) },
    {
      method: "DELETE",
      path: (who) => `/api/teach/topics/matrix-del-${who.toLowerCase()}-${topicSuffix}`,
      data: { moveTo: "scheduling-basics" },
      expect: ownedByOwner(200),
    },
    { method: "GET", path: "/api/teach/questions/export?format=json", expect: teacherOnly },
    // The picker previews any published question (what a student sees anyway); a draft has no preview.
    { method: "GET", path: `/api/teach/questions/${builtIn.id}/preview`, expect: teacherOnly },
    { method: "GET", path: `/api/teach/questions/${questionId}/preview`, expect: S(401, 403, 404, 404, 404) },
    { method: "GET", path: `/api/teach/analytics/${slug}`, expect: teacherOnly },
    { method: "GET", path: "/api/reports", expect: teacherOnly },
    // studentA is in the owner's class: the report reaches the owner and admins, not another instructor.
    {
      method: "PATCH",
      path: `/api/reports/${report.report.id}`,
      data: { resolved: true },
      expect: S(401, 403, 200, 404, 200),
    },
  ];

  // Complete by construction: every served route × method has at least one row above.
  const covered = new Set(
    api.map((r) => `${r.method} ${(typeof r.path === "string" ? r.path : r.path("owner")).split("?")[0]}`),
  );
  const uncovered = servedRoutes()
    .filter(
      (route) =>
        ![...covered].some(
          (c) => c.startsWith(`${route.method} `) && route.regex.test(c.slice(route.method.length + 1)),
        ),
    )
    .map((route) => `${route.method} ${route.pattern}`);
  expect(uncovered, "routes without rows in the authorization matrix").toEqual([]);

  const pages: { path: string; expect: Record<Who, Status> }[] = [
    { path: "/dashboard", expect: S(307, 200, 200, 200, 200) },
    { path: "/practice", expect: S(307, 200, 200, 200, 200) },
    { path: "/review", expect: S(307, 200, 200, 200, 200) },
    { path: "/history", expect: S(307, 200, 200, 200, 200) },
    { path: "/classes", expect: S(307, 200, 200, 200, 200) },
    { path: `/classes/a/${keptAssignment}/${slug}`, expect: S(307, 200, 404, 404, 404, 200) },
    { path: `/history/${attemptId}`, expect: S(307, 200, 404, 404, 404, 404) },
    { path: `/mock/${mock.sessionId}`, expect: S(307, 200, 404, 404, 404, 404) },
    { path: "/teach", expect: S(307, 403, 200, 200, 200) },
    { path: "/teach/classes", expect: S(307, 403, 200, 200, 200) },
    { path: "/teach/topics", expect: S(307, 403, 200, 200, 200) },
    { path: "/teach/reports", expect: S(307, 403, 200, 200, 200) },
    { path: "/teach/export?type=schedule", expect: S(307, 403, 200, 200, 200) },
    { path: `/teach/classes/${classId}`, expect: S(307, 403, 200, 404, 200) },
    { path: `/teach/questions/${questionId}`, expect: S(307, 403, 200, 404, 200) },
    { path: "/teach/invites", expect: S(307, 403, 200, 200, 200) },
    { path: "/teach/print", expect: S(307, 403, 200, 200, 200) },
    { path: `/teach/print/sheets?slugs=${slug}&copies=1`, expect: S(307, 403, 200, 200, 200) },
    { path: `/teach/print/key?slugs=${slug}&copies=1`, expect: S(307, 403, 200, 200, 200) },
    { path: "/v", expect: S(307, 200, 200, 200, 200) },
    { path: `/s/${sharedCode}`, expect: S(200, 200, 200, 200, 200) },
    { path: "/admin", expect: S(307, 403, 403, 403, 200) },
  ];

  const mismatches: string[] = [];
  for (const who of EVERYONE) {
    for (const r of api) {
      const path = typeof r.path === "string" ? r.path : r.path(who);
      const data = typeof r.data === "function" ? (r.data as (who: Who) => unknown)(who) : r.data;
      const response = await as[who].fetch(path, { method: r.method, data, maxRedirects: 0 });
      const expected = ([] as number[]).concat(r.expect[who]);
      if (!expected.includes(response.status()))
        mismatches.push(`${who} ${r.method} ${path}: ${response.status()} (expected ${expected.join(" or ")})`);
    }
    for (const p of pages) {
      const response = await as[who].get(p.path, { maxRedirects: 0 });
      if (![p.expect[who]].flat().includes(response.status()))
        mismatches.push(`${who} GET ${p.path}: ${response.status()} (expected ${String(p.expect[who])})`);
    }
  }
  expect(mismatches).toEqual([]);

  // The successful calls did what they said: both members removed, both assignments gone, studentA
  // out of the class they left, and the archived class hidden from students.
  const detail = (await (await as.owner.get(`/api/teach/classes/${classId}`)).json()) as {
    class: { members: unknown[]; assignmentList: { id: string }[] };
  };
  expect(detail.class.members).toEqual([]);
  expect(detail.class.assignmentList.map((a) => a.id)).not.toContain(assignmentFor.owner);
  expect(detail.class.assignmentList.map((a) => a.id)).not.toContain(assignmentFor.admin);
  const mine = (await (await as.studentA.get("/api/classes")).json()) as { classes: { id: string }[] };
  expect(mine.classes.map((c) => c.id)).not.toContain(leaveClass.id);
  const archived = (await (await as.owner.get(`/api/teach/classes/${archiveClass.id}`)).json()) as {
    class: { archived: boolean };
  };
  expect(archived.class.archived).toBe(true);
});

/** A member's user id, read from the owner's class page data. */
async function userIdIn(owner: APIRequestContext, classId: string, email: string): Promise<string> {
  const detail = (await (await owner.get(`/api/teach/classes/${classId}`)).json()) as {
    class: { members: { id: string; email: string }[] };
  };
  return detail.class.members.find((m) => m.email === email)!.id;
}
