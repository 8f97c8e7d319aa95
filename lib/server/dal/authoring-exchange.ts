import "server-only";
import type { QuestionTemplate } from "@/lib/engine";
import { type ExportPlan, exportBankJson, exportGift, exportMoodleXml, planExports } from "@/lib/bank/exchange";
import type { BankFilter } from "@/lib/validation/questions";
import { db } from "../db";
import { RequestBudget } from "../engine-pool";
import { AppError } from "../errors";
import { assertVisible, canEdit, requireAuthor } from "./authoring-access";
import { type BankQuestionDto, listBankQuestions, saveVersion, toBankDto, vetTemplate } from "./authoring";
import type { UserDto } from "./users";
import { assertTopicUsable } from "./topics";

// Import and export of the question bank. Export covers what the caller can see (filtered like the bank
// page); import is all-or-nothing and names every template that failed.

export type ExportFormat = "json" | "gift" | "moodle";

export const EXPORT_MEDIA: Record<ExportFormat, { type: string; extension: string }> = {
  json: { type: "application/json; charset=utf-8", extension: "json" },
  gift: { type: "text/plain; charset=utf-8", extension: "gift.txt" },
  moodle: { type: "application/xml; charset=utf-8", extension: "moodle.xml" },
};

async function currentSpecs(templateIds: string[]): Promise<QuestionTemplate[]> {
  const rows = await db.questionTemplate.findMany({
    where: { id: { in: templateIds } },
    select: { id: true, currentVersion: true },
  });
  const versions = await db.questionVersion.findMany({
    where: { OR: rows.map((r) => ({ templateId: r.id, version: r.currentVersion })) },
    select: { spec: true },
  });
  return versions.map((v) => v.spec as unknown as QuestionTemplate);
}

export async function exportBank(user: UserDto, filter: BankFilter, format: ExportFormat): Promise<string> {
  const visible = await listBankQuestions(user, filter);
  const specs = visible.length ? await currentSpecs(visible.map((q) => q.id)) : [];
  if (format === "json") return exportBankJson(specs);
  if (format === "gift") return exportGift(specs);
  return exportMoodleXml(specs);
}

/** What Moodle XML and GIFT keep of each question export would write (the same filter), said before downloading. */
export async function exportPlans(user: UserDto, filter: BankFilter): Promise<ExportPlan[]> {
  const visible = await listBankQuestions(user, filter);
  return planExports(visible.length ? await currentSpecs(visible.map((q) => q.id)) : []);
}

export interface ImportResult {
  created: BankQuestionDto[];
  updated: BankQuestionDto[];
  unchanged: string[];
}

/** Stable JSON for "did this template change?": key order must not matter. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * Imports templates as the caller's drafts. A slug that already names a question the caller may edit
 * updates it (a new version when it changed), so export → import is a no-op; any other taken slug is an
 * error. Nothing is written unless every template passes.
 */
export async function importBank(user: UserDto, templates: unknown[]): Promise<ImportResult> {
  requireAuthor(user);
  const fields: Record<string, string[]> = {};
  const vetted: QuestionTemplate[] = [];
  // One budget for the whole file: an import is bounded by its total engine work and time, not by count.
  const budget = new RequestBudget();
  let costly = false;
  for (const [i, raw] of templates.entries()) {
    try {
      vetted.push(await vetTemplate(raw, `templates[${i}]`, budget));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "TOO_COSTLY") costly = true;
      for (const [k, v] of Object.entries(error.fieldErrors ?? { [`templates[${i}]`]: [error.message] })) {
        (fields[k.startsWith("templates[") ? k : `templates[${i}].${k}`] ??= []).push(...v);
      }
      // Once the request's own budget is spent, testing the rest could only fail the same way.
      if (i + 1 < templates.length && (budget.remainingSteps() <= 0 || budget.remainingMs() <= 0)) {
        fields["templates"] = [
          `templates ${i + 1}–${templates.length - 1} were not tested: this import used up its per-request budget`,
        ];
        break;
      }
    }
  }
  const seen = new Map<string, number>();
  vetted.forEach((t, i) => {
    if (seen.has(t.slug)) (fields[`templates[${i}].slug`] ??= []).push(`'${t.slug}' appears twice in this file`);
    seen.set(t.slug, i);
  });
  const existing = new Map(
    (await db.questionTemplate.findMany({ where: { slug: { in: vetted.map((t) => t.slug) } } })).map((r) => [
      r.slug,
      r,
    ]),
  );
  vetted.forEach((t, i) => {
    const row = existing.get(t.slug);
    if (row && !canEdit(user, row))
      (fields[`templates[${i}].slug`] ??= []).push(
        `a question with slug '${t.slug}' already exists and is not yours to change`,
      );
  });
  // A lecturer topic must exist and be the importer's own (issue #24): a bank file cannot invent topics.
  for (const [i, t] of vetted.entries()) {
    try {
      await assertTopicUsable(user, t.topic, `templates[${i}].topic`, existing.get(t.slug)?.topic);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      for (const [k, v] of Object.entries(error.fieldErrors ?? {})) (fields[k] ??= []).push(...v);
    }
  }
  if (Object.keys(fields).length || vetted.length !== templates.length) {
    const count = new Set(Object.keys(fields).map((k) => k.match(/^templates\[(\d+)\]/)?.[1] ?? k)).size;
    throw new AppError(
      costly ? "TOO_COSTLY" : "INVALID_INPUT",
      `${count} of ${templates.length} templates failed; nothing was imported. First: ${Object.entries(fields)[0]?.join(": ")}`,
      fields,
    );
  }

  const currentOf = new Map(
    (
      await db.questionVersion.findMany({
        where: { OR: [...existing.values()].map((r) => ({ templateId: r.id, version: r.currentVersion })) },
        select: { templateId: true, spec: true },
      })
    ).map((v) => [v.templateId, canonical(v.spec)]),
  );
  const result: ImportResult = { created: [], updated: [], unchanged: [] };
  await db.$transaction(
    async (tx) => {
      for (const spec of vetted) {
        const row = existing.get(spec.slug);
        if (!row) {
          const created = await tx.questionTemplate.create({
            data: {
              slug: spec.slug,
              title: spec.title,
              type: spec.type,
              topic: spec.topic,
              difficulty: spec.difficulty,
              tags: JSON.stringify(spec.tags),
              status: "DRAFT",
              builtIn: false,
              authorId: user.id,
              currentVersion: 1,
              versions: { create: { version: 1, spec: spec as object } },
            },
          });
          result.created.push(toBankDto(user, created));
        } else if (currentOf.get(row.id) === canonical(spec)) {
          result.unchanged.push(spec.slug);
        } else {
          result.updated.push(await saveVersion(user, assertVisible(user, row), spec, tx));
        }
      }
    },
    { timeout: 60_000 },
  );
  return result;
}
