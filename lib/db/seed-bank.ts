// Puts the built-in question bank into the database. Idempotent: a template is created once; when its
// file changes, a new version is added and becomes current, so attempts keep the version they were
// graded with. Questions an instructor has edited (author set) are never overwritten.
import { type QuestionTemplate, validateTemplate } from "@/lib/engine";
import type { Db } from "@/lib/db/client";
import { BUILT_IN_TEMPLATES } from "@/lib/bank/index";

function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export async function seedBank(
  db: Db,
  templates: readonly QuestionTemplate[] = BUILT_IN_TEMPLATES,
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  for (const raw of templates) {
    const checked = validateTemplate(raw);
    if (!checked.ok)
      throw new Error(
        `built-in question '${raw.slug}' is invalid: ${checked.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`,
      );
    const spec = checked.value;
    const columns = {
      title: spec.title,
      type: spec.type,
      topic: spec.topic,
      difficulty: spec.difficulty,
      tags: JSON.stringify(spec.tags),
    };
    const existing = await db.questionTemplate.findUnique({ where: { slug: spec.slug } });
    if (!existing) {
      await db.questionTemplate.create({
        data: {
          slug: spec.slug,
          ...columns,
          status: "PUBLISHED",
          builtIn: true,
          currentVersion: 1,
          versions: { create: { version: 1, spec: spec as object } },
        },
      });
      created++;
      continue;
    }
    if (!existing.builtIn || existing.authorId) continue;
    const current = await db.questionVersion.findUnique({
      where: { templateId_version: { templateId: existing.id, version: existing.currentVersion } },
    });
    if (current && stable(current.spec) === stable(spec)) continue;
    const next = existing.currentVersion + 1;
    await db.$transaction([
      db.questionVersion.create({ data: { templateId: existing.id, version: next, spec: spec as object } }),
      db.questionTemplate.update({ where: { id: existing.id }, data: { ...columns, currentVersion: next } }),
    ]);
    updated++;
  }
  return { created, updated };
}
