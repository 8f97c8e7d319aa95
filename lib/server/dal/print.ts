import "server-only";
import { createHash } from "node:crypto";
import QRCode from "qrcode";
import type { AnswerValue, VariantView } from "@/lib/engine/questions";
import type { PrintRequest } from "@/lib/validation/print";
import { db } from "../db";
import { AppError } from "../errors";
import { isAdmin } from "@/lib/roles";
import { canSee } from "./authoring-access";
import { assertTeacher, taughtClass } from "./class-access";
import { codeFor } from "./shared";
import type { UserDto } from "./users";
import { currentVersionId, versionSeed } from "./variants";

// Printed worksheets and exams: each copy its own variants, chosen deterministically from the sheet's
// (instructor, key, copy, question), so printing again gives the same sheets and the same answer key.
// Every printed question carries a code (and a QR code of its link) that opens exactly that variant as
// free practice for a signed-in student after the exam. Only instructors of the questions (and of the
// assignment, when printing one) may print; the key is built by printKey alone, for the key page.

export interface PrintedQuestion {
  number: number;
  slug: string;
  code: string;
  /** Absolute link the QR code holds: /v/<code> on this site. */
  url: string;
  /** The QR code of `url`, as an SVG document made on the server. */
  qrSvg: string;
  view: VariantView;
}

export interface PrintedCopy {
  number: number;
  questions: PrintedQuestion[];
}

export interface PrintSet {
  title: string;
  copies: PrintedCopy[];
}

export interface KeyQuestion extends Omit<PrintedQuestion, "qrSvg" | "url"> {
  expected: Record<string, AnswerValue>;
  explanation: string;
}

/** Different seeds tried for one copy's question when its variant repeats an earlier copy's or is over budget. */
const SEED_TRIES = 8;

function seedOf(parts: (string | number)[]): number {
  return createHash("sha256").update(parts.join("\u0000")).digest().readUInt32BE(0) & 0x7fffffff;
}

/** The questions to print, checked: an assignment the user teaches, or published questions the user may see. */
async function printableSlugs(user: UserDto, request: PrintRequest): Promise<{ slugs: string[]; title: string }> {
  assertTeacher(user);
  let slugs = request.slugs ?? [];
  let title = request.title;
  if (request.assignment) {
    const assignment = await db.assignment.findUnique({
      where: { id: request.assignment },
      select: { classId: true, slugs: true, title: true },
    });
    if (!assignment) throw new AppError("NOT_FOUND", "no such assignment");
    await taughtClass(user, assignment.classId);
    slugs = [...new Set([...(JSON.parse(assignment.slugs) as string[]), ...slugs])];
    title ||= assignment.title;
  }
  const rows = await db.questionTemplate.findMany({
    where: { slug: { in: slugs } },
    select: { slug: true, builtIn: true, authorId: true, status: true },
  });
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  for (const slug of slugs) {
    const row = bySlug.get(slug);
    // Someone else's question answers like a missing one; a draft cannot be opened by students from its code.
    if (!row || !canSee(user, row))
      throw new AppError("NOT_FOUND", `no question '${slug}'`, { slugs: [`no question '${slug}'`] });
    if (row.status !== "PUBLISHED")
      throw new AppError("INVALID_INPUT", `slugs: '${slug}' is not published`, {
        slugs: [`'${slug}' is not published`],
      });
  }
  return { slugs, title: title || "Worksheet" };
}

interface Drawn {
  number: number;
  questions: {
    number: number;
    slug: string;
    versionId: string;
    seed: number;
    view: VariantView;
    expected: Record<string, AnswerValue>;
    explanation: string;
  }[];
}

async function draw(user: UserDto, request: PrintRequest): Promise<{ title: string; copies: Drawn[] }> {
  const { slugs, title } = await printableSlugs(user, request);
  const versions = await Promise.all(slugs.map((slug) => currentVersionId(slug)));
  const copies: Drawn[] = [];
  for (let c = 1; c <= request.copies; c++) copies.push({ number: c, questions: [] });
  for (const [q, slug] of slugs.entries()) {
    const versionId = versions[q]!;
    const seen = new Set<string>();
    for (const copy of copies) {
      let chosen: Drawn["questions"][number] | null = null;
      let fallback: Drawn["questions"][number] | null = null;
      for (let t = 0; t < SEED_TRIES && !chosen; t++) {
        const seed = seedOf([user.id, request.key, slug, copy.number, t]);
        let built;
        try {
          built = await versionSeed(versionId, seed);
        } catch (error) {
          if (error instanceof AppError && error.code === "TOO_COSTLY") continue;
          throw error;
        }
        const candidate = {
          number: q + 1,
          slug,
          versionId,
          seed,
          view: built.built.view,
          expected: built.built.key.expected,
          explanation: built.spec.explanation,
        };
        fallback ??= candidate;
        // Copies differ where the question can: a seed whose sheet repeats an earlier copy's is passed over.
        const shown = JSON.stringify(built.built.view);
        if (!seen.has(shown)) {
          seen.add(shown);
          chosen = candidate;
        }
      }
      const picked = chosen ?? fallback;
      if (!picked) throw new AppError("TOO_COSTLY", `no variant of '${slug}' fits the engine's budget`);
      copy.questions.push(picked);
    }
  }
  return { title, copies };
}

/** The sheets: views, codes and QR codes, no answers. `origin` is this site's, for the QR links. */
export async function printSet(user: UserDto, request: PrintRequest, origin: string): Promise<PrintSet> {
  const drawn = await draw(user, request);
  const copies: PrintedCopy[] = [];
  for (const copy of drawn.copies) {
    const questions: PrintedQuestion[] = [];
    for (const q of copy.questions) {
      const code = await codeFor("PRINT", q.versionId, q.seed, user.id);
      const url = `${origin}/v/${code}`;
      const qrSvg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
      questions.push({ number: q.number, slug: q.slug, code, url, qrSvg, view: q.view });
    }
    copies.push({ number: copy.number, questions });
  }
  return { title: drawn.title, copies };
}

/** The answer key of the same sheets (instructors only, on the key page): reference answers and explanations. */
export async function printKey(
  user: UserDto,
  request: PrintRequest,
): Promise<{ title: string; copies: { number: number; questions: KeyQuestion[] }[] }> {
  const drawn = await draw(user, request);
  const copies = [];
  for (const copy of drawn.copies) {
    const questions: KeyQuestion[] = [];
    for (const q of copy.questions) {
      questions.push({
        number: q.number,
        slug: q.slug,
        code: await codeFor("PRINT", q.versionId, q.seed, user.id),
        view: q.view,
        expected: q.expected,
        explanation: q.explanation,
      });
    }
    copies.push({ number: copy.number, questions });
  }
  return { title: drawn.title, copies };
}

/** Assignments of the user's live classes, newest first, for the print form's choice. */
export async function printableAssignments(user: UserDto): Promise<{ id: string; title: string; className: string }[]> {
  assertTeacher(user);
  const rows = await db.assignment.findMany({
    where: { class: { archivedAt: null, ...(isAdmin(user) ? {} : { instructorId: user.id }) } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, title: true, class: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, title: r.title, className: r.class.name }));
}

/**
 * This site's origin for links printed on paper: NEXTAUTH_URL when configured (the public address),
 * otherwise the address the instructor's browser used.
 */
export function siteOrigin(headers: Headers): string {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto}://${host}`;
}

/** For the print pages: a print the request itself cannot make (a draft, a question over budget) as a message; anything else rethrown. */
export function printRefusal(error: unknown): { errors: string[] } {
  if (error instanceof AppError && (error.code === "INVALID_INPUT" || error.code === "TOO_COSTLY"))
    return { errors: [error.message] };
  throw error;
}
