import "server-only";
import { randomInt } from "node:crypto";
import { type Answer, checkAnswer, type GradeReport, gradeAnswer } from "@/lib/engine";
import type { VariantView } from "@/lib/engine/questions";
import { db } from "../db";
import { AppError } from "../errors";
import { takeSharedGrade } from "../rate-limit";
import type { UserDto } from "./users";
import { currentVersionId, freshSeed, versionSeed } from "./variants";

// Codes that reach one question variant (version + seed) without a Variant row: printed on exam sheets
// (PRINT) and public practice links (SHARE). A code is random and looked up, never decoded, so nobody
// can turn one into another seed, least of all the seed of an assignment or a mock interview: those are
// never given a code. SHARE seeds are always fresh; PRINT seeds are the sheet's own (print.ts).

export type ShareKind = "PRINT" | "SHARE";

// Crockford's base32 without I, L, O, U: nothing to misread when typed from paper.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 8;

function randomCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** A typed code as stored: upper case, with the letters people confuse mapped (o→0, i/l→1), dashes and spaces dropped. */
export function normaliseCode(raw: string): string | null {
  const code = raw.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/** The code of (kind, version, seed), made on first use: printing the same sheet twice prints the same codes. */
export async function codeFor(kind: ShareKind, versionId: string, seed: number, createdById: string): Promise<string> {
  const existing = await db.sharedVariant.findUnique({
    where: { kind_versionId_seed: { kind, versionId, seed } },
    select: { code: true },
  });
  if (existing) return existing.code;
  for (let tries = 0; ; tries++) {
    try {
      return (
        await db.sharedVariant.create({
          data: { code: randomCode(), kind, versionId, seed, createdById },
          select: { code: true },
        })
      ).code;
    } catch (error) {
      // A code collision (2^40 codes) or a concurrent print of the same sheet: look again, then retry.
      const raced = await db.sharedVariant.findUnique({
        where: { kind_versionId_seed: { kind, versionId, seed } },
        select: { code: true },
      });
      if (raced) return raced.code;
      if (tries >= 3) throw error;
    }
  }
}

/** The (version, seed) behind a code, if it is of one of `kinds`; unknown codes are NOT_FOUND. */
export async function resolveCode(
  raw: string,
  kinds: readonly ShareKind[],
): Promise<{ code: string; versionId: string; seed: number; kind: ShareKind }> {
  const code = normaliseCode(raw);
  const row = code
    ? await db.sharedVariant.findUnique({
        where: { code },
        select: { code: true, kind: true, versionId: true, seed: true },
      })
    : null;
  if (!row || !kinds.includes(row.kind as ShareKind)) throw new AppError("NOT_FOUND", "no question has this code");
  return { ...row, kind: row.kind as ShareKind };
}

/**
 * A public practice link to a published question: a fresh seed (never one a student was graded on),
 * under a new code. Anyone signed in may share what they may practise.
 */
export async function shareQuestion(user: UserDto, slug: string): Promise<{ code: string }> {
  const versionId = await currentVersionId(slug);
  for (let tries = 1; ; tries++) {
    const seed = freshSeed();
    try {
      await versionSeed(versionId, seed);
    } catch (error) {
      if (error instanceof AppError && error.code === "TOO_COSTLY" && tries < 3) continue;
      throw error;
    }
    return { code: await codeFor("SHARE", versionId, seed, user.id) };
  }
}

export interface SharedQuestion {
  code: string;
  slug: string;
  /** What the visitor may see before answering: the view only, never the key or the explanation. */
  view: VariantView;
}

async function sharedVariant(raw: string) {
  const found = await resolveCode(raw, ["SHARE"]);
  const loaded = await versionSeed(found.versionId, found.seed);
  if (loaded.status !== "PUBLISHED") throw new AppError("NOT_FOUND", "this question is no longer published");
  return { code: found.code, ...loaded };
}

/** A shared question as the public page shows it: no account needed. */
export async function loadSharedQuestion(raw: string): Promise<SharedQuestion> {
  const { code, slug, built } = await sharedVariant(raw);
  return { code, slug, view: built.view };
}

export interface SharedGrade {
  report: GradeReport;
  explanation: string;
}

/**
 * Grades an answer to a shared question for a visitor without an account: on the server, like every
 * answer, but stored nowhere (ungraded practice) and limited per source address.
 */
export async function gradeShared(raw: string, answer: Answer, ip: string): Promise<SharedGrade> {
  const loaded = await sharedVariant(raw);
  const checked = checkAnswer(loaded.built.view, answer);
  if (!checked.ok) {
    const fields: Record<string, string[]> = {};
    for (const e of checked.errors) (fields[e.path] ??= []).push(e.message);
    throw new AppError("INVALID_INPUT", `${checked.errors[0]!.path}: ${checked.errors[0]!.message}`, fields);
  }
  // Counted only for answers that reach the grader, so a typo the form can fix costs nothing.
  const limit = await takeSharedGrade(ip);
  if (limit.blocked)
    throw new AppError("RATE_LIMITED", `too many answers from this address; try again in ${limit.retryAfterSeconds} s`);
  const report = gradeAnswer(loaded.spec, loaded.built, checked.value, { attemptNumber: 1, hintsUsed: 0 });
  return { report, explanation: loaded.spec.explanation };
}
