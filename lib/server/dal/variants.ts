import "server-only";
import { randomInt } from "node:crypto";
import { buildVariant, ENGINE_VERSION, type QuestionTemplate, type Variant as EngineVariant } from "@/lib/engine";
import { db } from "../db";
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
function freshSeed(): number {
  return randomInt(0, 2 ** 31 - 1);
}

async function publishedTemplate(slug: string) {
  const template = await db.questionTemplate.findUnique({ where: { slug } });
  // Drafts and archived questions do not exist as far as students are concerned.
  if (!template || template.status !== "PUBLISHED") throw new AppError("NOT_FOUND", `no published question '${slug}'`);
  const version = await db.questionVersion.findUnique({
    where: { templateId_version: { templateId: template.id, version: template.currentVersion } },
  });
  if (!version) throw new AppError("NOT_FOUND", `question '${slug}' has no current version`);
  return { template, version };
}

export async function createVariant(user: UserDto, slug: string): Promise<VariantRow> {
  const { template, version } = await publishedTemplate(slug);
  return db.variant.create({
    data: { userId: user.id, templateId: template.id, versionId: version.id, seed: freshSeed(), engineVersion: ENGINE_VERSION },
  });
}

/** The student's latest variant of the question's current version, or a new one. */
export async function currentVariant(user: UserDto, slug: string): Promise<VariantRow> {
  const { template, version } = await publishedTemplate(slug);
  // Variants handed out inside a mock interview belong to that interview, not to free practice.
  const mockVariants = await db.mockItem.findMany({ where: { session: { userId: user.id }, templateId: template.id }, select: { variantId: true } });
  const latest = await db.variant.findFirst({
    where: { userId: user.id, templateId: template.id, versionId: version.id, id: { notIn: mockVariants.map((m) => m.variantId) } },
    orderBy: { createdAt: "desc" },
  });
  return latest ?? createVariant(user, slug);
}

/** A variant of the signed-in student; anyone else's is reported as missing, not as forbidden. */
export async function ownVariant(user: UserDto, variantId: string): Promise<VariantRow> {
  const variant = await db.variant.findUnique({ where: { id: variantId } });
  if (!variant || variant.userId !== user.id) throw new AppError("NOT_FOUND", "no such variant");
  return variant;
}

export interface LoadedVariant {
  row: VariantRow;
  spec: QuestionTemplate;
  built: EngineVariant;
  status: "DRAFT" | "PUBLISHED" | "ARCHIVED";
  slug: string;
}

export async function loadVariant(row: VariantRow): Promise<LoadedVariant> {
  const version = await db.questionVersion.findUniqueOrThrow({ where: { id: row.versionId }, include: { template: true } });
  const spec = version.spec as unknown as QuestionTemplate;
  const built = buildVariant(spec, row.seed);
  // A stored, validated version that no longer builds means the engine changed under it: a server bug.
  if (!built.ok) throw new Error(`variant ${row.id} of ${version.template.slug} v${version.version} no longer builds: ${built.errors[0]?.message}`);
  return { row, spec, built: built.value, status: version.template.status, slug: version.template.slug };
}

/** The hints the student has unlocked so far on this variant. */
export function unlockedHints(loaded: LoadedVariant): { shown: string[]; next: "available" | "locked" | "none" } {
  const hints = loaded.spec.hints ?? [];
  const shown = hints.slice(0, loaded.row.hintsShown);
  if (shown.length >= hints.length) return { shown, next: "none" };
  const needed = loaded.spec.grading.hintAfterAttempts * (loaded.row.hintsShown + 1);
  return { shown, next: loaded.row.attemptsUsed >= needed ? "available" : "locked" };
}

export async function revealHint(user: UserDto, variantId: string): Promise<string[]> {
  const loaded = await loadVariant(await ownVariant(user, variantId));
  const { next } = unlockedHints(loaded);
  if (next === "none") throw new AppError("CONFLICT", "there are no more hints for this question");
  if (next === "locked") {
    throw new AppError("CONFLICT", `the next hint unlocks after ${loaded.spec.grading.hintAfterAttempts * (loaded.row.hintsShown + 1)} graded attempt(s)`);
  }
  // Conditional on the count we read, so two clicks reveal one hint, not two.
  await db.variant.updateMany({ where: { id: variantId, hintsShown: loaded.row.hintsShown }, data: { hintsShown: { increment: 1 } } });
  return (loaded.spec.hints ?? []).slice(0, loaded.row.hintsShown + 1);
}
