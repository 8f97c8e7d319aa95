// One simulated student over real HTTP: sign up, sign in through next-auth's credentials flow, open an
// exercise page, create a variant and submit answers in a bounded loop until the deadline.
import { randomBytes } from "node:crypto";
import type { Stats } from "./stats";

type Json = Record<string, unknown>;
type Reply = { status: number; text: string };

interface PartSpec {
  kind: "timeline" | "number" | "order" | "choice";
  id: string;
  tasks?: { id: string }[];
  slots?: number;
  items?: { id: string }[];
  options?: { id: string }[];
}

/** A valid-but-arbitrary answer shaped by the view only: the variant's seed and key stay secret. */
export function arbitraryAnswer(parts: PartSpec[]): Record<string, unknown> {
  const answer: Record<string, unknown> = {};
  for (const part of parts) {
    if (part.kind === "timeline")
      answer[part.id] = Array.from({ length: part.slots ?? 0 }, () => part.tasks?.[0]?.id ?? "idle");
    else if (part.kind === "number") answer[part.id] = 1;
    else if (part.kind === "order") answer[part.id] = (part.items ?? []).map((i) => i.id);
    else answer[part.id] = [part.options?.[0]?.id ?? ""];
  }
  return answer;
}

export class Student {
  private readonly cookies = new Map<string, string>();
  readonly email: string;
  private readonly password = "load-test-password";

  constructor(
    private readonly base: string,
    private readonly stats: Stats,
    emailPrefix: string,
  ) {
    this.email = `${emailPrefix}${randomBytes(6).toString("hex")}@example.com`;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** One HTTP exchange, body included: a timeout or reset mid-body counts as a network error. */
  private async request(label: string, path: string, init: RequestInit = {}): Promise<Reply | null> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const started = performance.now();
    try {
      const response = await fetch(this.base + path, {
        ...init,
        headers,
        redirect: "manual",
        signal: AbortSignal.timeout(60_000),
      });
      const text = await response.text();
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(";");
        const eq = pair!.indexOf("=");
        this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
      }
      this.stats.record(label, response.status, performance.now() - started);
      return { status: response.status, text };
    } catch {
      this.stats.record(label, "network", performance.now() - started);
      return null;
    }
  }

  private async json(label: string, path: string, body: Json): Promise<Reply | null> {
    return this.request(label, path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  }

  /** Returns true once signed in; retries briefly so a restarting server does not lose the student. */
  async signIn(deadline: number): Promise<boolean> {
    while (Date.now() < deadline) {
      const signUp = await this.json("signup", "/api/signup", {
        email: this.email,
        name: "Load Student",
        password: this.password,
      });
      if (signUp && (signUp.status === 201 || signUp.status === 409)) break;
      await sleep(500);
    }
    while (Date.now() < deadline) {
      const csrf = await this.request("csrf", "/api/auth/csrf");
      const token = csrf?.status === 200 ? (JSON.parse(csrf.text) as { csrfToken: string }).csrfToken : null;
      if (token) {
        const form = new URLSearchParams({
          csrfToken: token,
          email: this.email,
          password: this.password,
          json: "true",
        });
        await this.request("signin", "/api/auth/callback/credentials", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: form.toString(),
        });
        if ([...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"))) return true;
      }
      await sleep(500);
    }
    return false;
  }

  /** Opens the exercise page and creates a variant; returns its id and answer shape, or null. */
  async openExercise(slug: string): Promise<{ variantId: string; parts: PartSpec[] } | null> {
    await this.request("page", `/practice/q/${slug}`);
    const created = await this.json("variant", "/api/variants", { slug });
    if (!created || created.status !== 201) return null;
    const body = JSON.parse(created.text) as { variantId: string; view: { parts: PartSpec[] } };
    return { variantId: body.variantId, parts: body.view.parts };
  }

  /** The paced loop's page view: the exercise page, plus a new variant when the question is new. */
  async view(slug: string, fresh: boolean): Promise<{ variantId: string; parts: PartSpec[] } | null> {
    if (fresh) return this.openExercise(slug);
    await this.request("page", `/practice/q/${slug}`);
    return null;
  }

  /**
   * One submission, retried with the same submissionId while its answer is lost (network error, 5xx),
   * as the browser does, for at most 15 s past the deadline; an acknowledged attempt id is kept.
   */
  async submitOnce(variantId: string, parts: PartSpec[], deadline: number): Promise<"ok" | "new-variant" | "failed"> {
    const submissionId = randomBytes(12).toString("base64url");
    while (Date.now() < deadline + 15_000) {
      const response = await this.json("attempt", `/api/variants/${variantId}/attempts`, {
        submissionId,
        answer: { parts: arbitraryAnswer(parts) },
      });
      if (!response || response.status >= 500) {
        await sleep(250);
        continue;
      }
      if (response.status === 200 || response.status === 201) {
        const body = JSON.parse(response.text) as { attempt: { id: string } };
        this.stats.attemptsAcknowledged++;
        this.stats.acknowledgedIds.add(body.attempt.id);
        return "ok";
      }
      return response.status === 409 || response.status === 404 || response.status === 429 ? "new-variant" : "failed";
    }
    return "failed";
  }

  /** Submits until the deadline or maxSubmissions; each acknowledged attempt id is kept for the audit. */
  async submitLoop(slugs: string[], deadline: number, maxSubmissions: number): Promise<void> {
    let exercise: { variantId: string; parts: PartSpec[] } | null = null;
    let pending: string | null = null;
    // After the deadline only an unanswered submission is retried, for at most 15 s more.
    const running = () => (Date.now() < deadline || pending !== null) && Date.now() < deadline + 15_000;
    for (let n = 0; n < maxSubmissions && running(); n++) {
      exercise ??= await this.openExercise(slugs[Math.floor(Math.random() * slugs.length)]!);
      if (!exercise) {
        await sleep(300);
        continue;
      }
      // A submission whose answer was lost (network error, 5xx) is retried with the same submissionId,
      // as the browser does: the server stores it at most once, so stored must equal acknowledged.
      pending ??= randomBytes(12).toString("base64url");
      const response = await this.json("attempt", `/api/variants/${exercise.variantId}/attempts`, {
        submissionId: pending,
        answer: { parts: arbitraryAnswer(exercise.parts) },
      });
      if (!response || response.status >= 500) {
        await sleep(250);
        continue;
      }
      pending = null;
      if (response.status === 200 || response.status === 201) {
        const body = JSON.parse(response.text) as { attempt: { id: string } };
        this.stats.attemptsAcknowledged++;
        this.stats.acknowledgedIds.add(body.attempt.id);
      } else if (response.status === 409 || response.status === 404 || response.status === 429) {
        // Out of attempts on this variant (or it vanished): start a fresh one.
        exercise = null;
      } else {
        await sleep(200);
      }
    }
  }
}

/** A student at a realistic pace (--pace): reads, thinks, submits, once every thinkMs.min–max. */
export interface Pace {
  /** Seeded per student, so a run's schedule is the same every time (mulberry32 below). */
  random: () => number;
  thinkMs: { min: number; max: number };
}

export class PacedLoop {
  constructor(
    private readonly student: Student,
    private readonly pace: Pace,
  ) {}

  /**
   * One cycle per thinkMs (jittered): the exercise page is viewed at its start, the answer submitted
   * after the student has read and thought (40–90 % of the cycle), then nothing until the next cycle.
   * The first cycle starts at a random point of its length, so students do not move in step.
   */
  async run(slugs: string[], deadline: number): Promise<void> {
    const { random, thinkMs } = this.pace;
    const cycle = () => thinkMs.min + random() * (thinkMs.max - thinkMs.min);
    await sleep(random() * cycle());
    let exercise: { slug: string; variantId: string; parts: PartSpec[] } | null = null;
    while (Date.now() < deadline) {
      const started = Date.now();
      const length = cycle();
      const fresh = exercise === null;
      const slug: string = exercise?.slug ?? slugs[Math.floor(random() * slugs.length)]!;
      const opened = await this.student.view(slug, fresh);
      if (fresh) exercise = opened ? { slug, ...opened } : null;
      await sleep(Math.max(0, started + length * (0.4 + 0.5 * random()) - Date.now()));
      if (exercise && Date.now() < deadline) {
        const outcome = await this.student.submitOnce(exercise.variantId, exercise.parts, deadline);
        // Out of attempts (or the variant vanished): the next cycle opens another question.
        if (outcome === "new-variant") exercise = null;
      }
      await sleep(Math.max(0, started + length - Date.now()));
    }
  }
}

/** mulberry32: a small seeded generator, so a paced run's schedule is reproducible from --seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
