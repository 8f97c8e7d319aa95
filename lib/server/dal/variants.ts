import "server-only";
import { randomInt } from "node:crypto";
import { LRUCache } from "lru-cache";
import {
  discriminateSeed,
  ENGINE_VERSION,
  hintLadder,
  type QuestionTemplate,
  type Variant as EngineVariant,
  type VariantView,
} from "@/lib/engine";
import { db } from "../db";
import { buildVariantInWorker, preferSeedInWorker } from "../engine-pool";
import { nextSeedAfterRepeat, UNREPEATED_SEED_TRIES, variantText } from "@/lib/progress/review-variety";
import { AppError } from "../errors";
import type { UserDto } from "./users";

// Variants: one seeded instance of a published question for one student. The seed is always chosen
// here, never taken from a request, and a variant is only ever readable by the student it belongs to.

export interface VariantRow {
  id: string;
  userId: string;
  templateId: string;
  versionId: string;
  seed: number;
  attemptsUsed: number;
  hintsShown: number;
  createdAt: Date;
}

/** Seeds fit in 31 bits so they survive every database integer type and JSON unchanged. */
export function freshSeed(): number {
  return randomInt(0, 2 ** 31 - 1);
}

export type TemplateStatus = "DRAFT" | "PUBLISHED" | "ARCHIVED";

// Built variants are cached per process, keyed by (question version, seed, engine version). That key
// fixes the value: the engine is deterministic, and a question version is never edited in place once
// a variant of it exists (saveVersion in authoring.ts makes a new version instead; variants exist only
// for versions that were published when drawn). So every app instance computes the same value for a
// key, and several instances behind a load balancer need no invalidation and no shared cache; a
// restart only costs rebuilds. What can change, the template's status, is never cached. Both caches
// are bounded (a few MB at most; see docs/operations.md). Cached values are frozen so a stray mutation
// fails loudly instead of corrupting the grading of later requests.
interface VersionInfo {
  templateId: string;
  slug: string;
  version: number;
  spec: QuestionTemplate;
}

const VERSIONS = new LRUCache<string, VersionInfo>({ max: 512 });
const VERSION_IDS = new LRUCache<string, string>({ max: 512 });
const BUILT = new LRUCache<string, EngineVariant>({ max: 4096 });

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The id of a template's version n; (templateId, version) never points elsewhere once it exists. */
async function versionId(templateId: string, version: number): Promise<string | null> {
  const key = `${templateId}:${version}`;
  const hit = VERSION_IDS.get(key);
  if (hit) return hit;
  const row = await db.questionVersion.findUnique({
    where: { templateId_version: { templateId, version } },
    select: { id: true },
  });
  if (row) VERSION_IDS.set(key, row.id);
  return row?.id ?? null;
}

async function publishedTemplate(slug: string) {
  const template = await db.questionTemplate.findUnique({
    where: { slug },
    select: { id: true, status: true, currentVersion: true },
  });
  // Drafts and archived questions do not exist as far as students are concerned.
  if (!template || template.status !== "PUBLISHED") throw new AppError("NOT_FOUND", `no published question '${slug}'`);
  const current = await versionId(template.id, template.currentVersion);
  if (!current) throw new AppError("NOT_FOUND", `question '${slug}' has no current version`);
  return { template, versionId: current };
}

/**
 * Rows createVariant just made, with the status their template had then: loadVariant(createVariant(…)),
 * what every caller does next, need not read the template a second time. Keyed by the row object, so
 * an entry lives exactly as long as the caller holds that row.
 */
const STATUS_AT_CREATION = new WeakMap<VariantRow, TemplateStatus>();

/** Fresh seeds tried when one's variant is over the per-variant budget (the save-time self-test saw 50 within it). */
const SEED_TRIES = 3;

/** Seeds a review tries for a variant that tells apart the misconceptions its student holds. */
export const PREFER_SEED_TRIES = 12;

// assignmentId: the variant is drawn for that assignment (the caller, assessment.ts, checked the student may).
// prefer: catalogue misconceptions the student holds (review, issue #21): of PREFER_SEED_TRIES seeds
// derived from one fresh seed, the first whose variant tells them apart is drawn, else any.
// avoidText: the text (variantText) the student last saw of this question (review, issue #23): a seed
// that shows exactly that again is passed over for the next one, up to UNREPEATED_SEED_TRIES times.
export async function createVariant(
  user: UserDto,
  slug: string,
  assignmentId?: string,
  prefer: readonly string[] = [],
  avoidText?: string,
): Promise<VariantRow> {
  const { template, versionId } = await publishedTemplate(slug);
  // Built before the row exists, in an engine worker under the per-variant budgets, so a costly
  // template can neither slow this request's server nor leave the student a variant that never loads.
  const spec = (await versionInfo(versionId)).spec;
  let seed = freshSeed();
  if (prefer.length > 0) {
    const base = seed;
    const seeds = Array.from({ length: PREFER_SEED_TRIES }, (_, k) => discriminateSeed(base, k) % 2 ** 31);
    seed = (await preferSeedInWorker(spec, seeds, [...prefer])) ?? seed;
  }
  let repeats = 0;
  for (let tries = 1; ; tries++) {
    try {
      const built = await builtVariant(versionId, spec, seed, slug);
      if (avoidText !== undefined && repeats < UNREPEATED_SEED_TRIES && variantText(built.view) === avoidText) {
        repeats++;
        tries--;
        seed = nextSeedAfterRepeat(seed);
        continue;
      }
      break;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "TOO_COSTLY" || tries >= SEED_TRIES) throw error;
      seed = freshSeed();
    }
  }
  const row = await db.variant.create({
    data: { userId: user.id, templateId: template.id, versionId, seed, engineVersion: ENGINE_VERSION, assignmentId },
  });
  STATUS_AT_CREATION.set(row, template.status);
  return row;
}

/** The student's latest variant of the question's current version, or a new one. */
export async function currentVariant(user: UserDto, slug: string): Promise<VariantRow> {
  const { template, versionId } = await publishedTemplate(slug);
  // Variants handed out inside a mock interview belong to that interview, not to free practice.
  const mockVariants = await db.mockItem.findMany({
    where: { session: { userId: user.id }, templateId: template.id },
    select: { variantId: true },
  });
  const latest = await db.variant.findFirst({
    // Assignment variants (assignmentId set) are worked on from their assignment, under its rules.
    where: {
      userId: user.id,
      templateId: template.id,
      versionId,
      assignmentId: null,
      id: { notIn: mockVariants.map((m) => m.variantId) },
    },
    orderBy: { createdAt: "desc" },
  });
  return latest ?? createVariant(user, slug);
}

const VARIANT_FIELDS = {
  id: true,
  userId: true,
  templateId: true,
  versionId: true,
  seed: true,
  attemptsUsed: true,
  hintsShown: true,
  createdAt: true,
} as const;

/** A variant of the signed-in student; anyone else's is reported as missing, not as forbidden. */
export async function ownVariant(user: UserDto, variantId: string): Promise<VariantRow> {
  const variant = await db.variant.findUnique({ where: { id: variantId }, select: VARIANT_FIELDS });
  if (!variant || variant.userId !== user.id) throw new AppError("NOT_FOUND", "no such variant");
  return variant;
}

/** ownVariant and loadVariant in one query (the template's live status comes with the row). */
export async function loadOwnVariant(user: UserDto, variantId: string): Promise<LoadedVariant> {
  // Raw SQL: every graded answer and hint starts here, and the query builder costs several times the statement.
  const [found] = await db.$queryRaw<(VariantRow & { status: TemplateStatus })[]>`
    SELECT v."id", v."userId", v."templateId", v."versionId", v."seed", v."attemptsUsed", v."hintsShown", v."createdAt", t."status"
    FROM "Variant" v JOIN "QuestionTemplate" t ON t."id" = v."templateId"
    WHERE v."id" = ${variantId}`;
  if (!found || found.userId !== user.id) throw new AppError("NOT_FOUND", "no such variant");
  const { status, ...row } = found;
  return loadVariant(row, status);
}

export interface LoadedVariant {
  row: VariantRow;
  /** Shared by every request for this version: read-only (frozen). */
  spec: QuestionTemplate;
  /** Shared by every request for this variant's seed: read-only (frozen). */
  built: EngineVariant;
  status: TemplateStatus;
  slug: string;
}

/**
 * The variant with its question version and built instance, from the caches when possible. Pass the
 * template's status when it was read with the row (it is never cached); otherwise it is queried, unless
 * the row was just made by createVariant.
 */
export async function loadVariant(
  row: VariantRow,
  status: TemplateStatus | undefined = STATUS_AT_CREATION.get(row),
): Promise<LoadedVariant> {
  const version = await versionInfo(row.versionId);
  status ??=
    version.status ??
    (await db.questionTemplate.findUniqueOrThrow({ where: { id: version.templateId }, select: { status: true } }))
      .status;
  const { spec, slug } = version;
  const built = await builtVariant(row.versionId, spec, row.seed, `${slug} v${version.version}`, row.id);
  return { row, spec, built, status, slug };
}

/** A question version from the cache or the database; `status` is the template's as read now (never cached). */
async function versionInfo(versionId: string): Promise<VersionInfo & { status?: TemplateStatus }> {
  const cached = VERSIONS.get(versionId);
  if (cached) return cached;
  const found = await db.questionVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { templateId: true, version: true, spec: true, template: { select: { slug: true, status: true } } },
  });
  const version = deepFreeze({
    templateId: found.templateId,
    slug: found.template.slug,
    version: found.version,
    spec: found.spec as unknown as QuestionTemplate,
  });
  VERSIONS.set(versionId, version);
  return { ...version, status: found.template.status };
}

/** The built variant from the cache, or built in an engine worker (TOO_COSTLY when over budget). */
async function builtVariant(
  versionId: string,
  spec: QuestionTemplate,
  seed: number,
  what: string,
  variantId?: string,
): Promise<EngineVariant> {
  const key = `${versionId}:${seed}:${ENGINE_VERSION}`;
  const hit = BUILT.get(key);
  if (hit) return hit;
  const result = await buildVariantInWorker(spec, seed);
  // A stored, validated version that no longer builds means the engine changed under it: a server bug.
  if (!result.ok)
    throw new Error(
      `${variantId ? `variant ${variantId}` : `seed ${seed}`} of ${what} no longer builds: ${result.errors[0]?.message}`,
    );
  const built = deepFreeze(result.value);
  BUILT.set(key, built);
  return built;
}

/**
 * The hints the student has unlocked so far on this variant: the engine's ladder for this variant (the
 * template's hints, then a first step worked on the variant's own data), never the whole list at once.
 */
export function unlockedHints(loaded: LoadedVariant): { shown: string[]; next: "available" | "locked" | "none" } {
  const hints = hintLadder(loaded.spec, loaded.built);
  const shown = hints.slice(0, loaded.row.hintsShown);
  if (shown.length >= hints.length) return { shown, next: "none" };
  const needed = loaded.spec.grading.hintAfterAttempts * (loaded.row.hintsShown + 1);
  return { shown, next: loaded.row.attemptsUsed >= needed ? "available" : "locked" };
}

/** The hints shown after one more is revealed, and what the hint button offers next (the server decides, not the page). */
export async function revealHint(
  user: UserDto,
  variantId: string,
): Promise<{ hints: string[]; next: "available" | "locked" | "none" }> {
  const loaded = await loadOwnVariant(user, variantId);
  const { next } = unlockedHints(loaded);
  if (next === "none") throw new AppError("CONFLICT", "there are no more hints for this question");
  if (next === "locked") {
    throw new AppError(
      "CONFLICT",
      `the next hint unlocks after ${loaded.spec.grading.hintAfterAttempts * (loaded.row.hintsShown + 1)} graded attempt(s)`,
    );
  }
  // Conditional on the count we read, so two clicks reveal one hint, not two.
  await db.variant.updateMany({
    where: { id: variantId, hintsShown: loaded.row.hintsShown },
    data: { hintsShown: { increment: 1 } },
  });
  const after = unlockedHints({ ...loaded, row: { ...loaded.row, hintsShown: loaded.row.hintsShown + 1 } });
  return { hints: after.shown, next: after.next };
}

/**
 * The student's view of a published question's current version at a given seed, for instructors
 * choosing questions. Only the view leaves this function: the answer key stays on the server.
 */
export async function publishedView(slug: string, seed: number): Promise<VariantView> {
  const { versionId } = await publishedTemplate(slug);
  const version = await versionInfo(versionId);
  return (await builtVariant(versionId, version.spec, seed, `${slug} v${version.version}`)).view;
}

/**
 * One seed of a question version, built under the same budgets and caches as a student's variant: for
 * printed sheets and shared links (lib/server/dal/print.ts, shared.ts), which hold (version, seed) but no
 * Variant row. TOO_COSTLY when that seed is over the per-variant budget.
 */
export async function versionSeed(
  versionId: string,
  seed: number,
): Promise<{ spec: QuestionTemplate; built: EngineVariant; slug: string; templateId: string; status: TemplateStatus }> {
  const version = await versionInfo(versionId);
  const status =
    version.status ??
    (await db.questionTemplate.findUniqueOrThrow({ where: { id: version.templateId }, select: { status: true } }))
      .status;
  const built = await builtVariant(versionId, version.spec, seed, `${version.slug} v${version.version}`);
  return { spec: version.spec, built, slug: version.slug, templateId: version.templateId, status };
}

/** A published question's current version id (NOT_FOUND for drafts, archived and unknown slugs). */
export async function currentVersionId(slug: string): Promise<string> {
  return (await publishedTemplate(slug)).versionId;
}

/**
 * The student's free-practice variant for exactly (version, seed), made on first use: a printed question's
 * code opens the variant the sheet shows. Never an assignment's: those rows carry their assignment.
 */
export async function practiceVariantAt(user: UserDto, versionId: string, seed: number): Promise<VariantRow> {
  const { templateId, status } = await versionSeed(versionId, seed);
  if (status !== "PUBLISHED") throw new AppError("NOT_FOUND", "this question is no longer published");
  const existing = await db.variant.findFirst({
    where: { userId: user.id, versionId, seed, assignmentId: null },
    orderBy: { createdAt: "desc" },
    select: VARIANT_FIELDS,
  });
  if (existing) return existing;
  const row = await db.variant.create({
    data: { userId: user.id, templateId, versionId, seed, engineVersion: ENGINE_VERSION },
    select: VARIANT_FIELDS,
  });
  STATUS_AT_CREATION.set(row, status);
  return row;
}
