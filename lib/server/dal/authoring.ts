import "server-only";
import { Prisma } from "@/prisma/generated/sqlite/client";
import type { AuthoredQuestionDto, BankQuestionDto, QuestionStatus } from "@/lib/api/dto";
import type { QuestionTemplate } from "@/lib/engine";
import type { BankFilter } from "@/lib/validation/questions";
import { isUniqueViolation } from "@/lib/db/errors";
import { db } from "../db";
import { RequestBudget, selfTestInWorker } from "../engine-pool";
import { AppError } from "../errors";
import { assertEditable, assertVisible, canEdit, requireAuthor, visibleWhere } from "./authoring-access";
import type { UserDto } from "./users";
import { assertTopicUsable } from "./topics";

// Authoring question templates: list, read, create, edit (versioned), publish and duplicate.
// Every function checks the role and the ownership itself; routes only parse and respond.

/** Seeds every save is self-tested on; enough to catch a generator that fails now and then. */
export const SAVE_SELF_TEST_VARIANTS = 50;

// The DTOs are declared once, in lib/api/dto.ts, where the browser reads them too.
export type { AuthoredQuestionDto, BankQuestionDto } from "@/lib/api/dto";

type Row = Prisma.QuestionTemplateGetPayload<object>;

export function toBankDto(user: UserDto, row: Row): BankQuestionDto {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    type: row.type,
    topic: row.topic,
    difficulty: row.difficulty,
    tags: JSON.parse(row.tags) as string[],
    status: row.status,
    builtIn: row.builtIn,
    mine: row.authorId === user.id,
    editable: canEdit(user, row),
    currentVersion: row.currentVersion,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function columnsOf(spec: QuestionTemplate) {
  return {
    title: spec.title,
    type: spec.type,
    topic: spec.topic,
    difficulty: spec.difficulty,
    tags: JSON.stringify(spec.tags),
  };
}

/**
 * The authoring gate: shape, engine validation and a self-test. Refusals name the field, or list the
 * seeds the self-test failed on under "selfTest". Validation (which builds a variant) and self-test run
 * in an engine worker under the budgets of engine-pool.ts; `request` carries what this request spent.
 */
export async function vetTemplate(
  input: unknown,
  pathPrefix = "template",
  request = new RequestBudget(),
): Promise<QuestionTemplate> {
  const { check: checked, result: test } = await selfTestInWorker(input, SAVE_SELF_TEST_VARIANTS, request, pathPrefix);
  if (!checked.ok) {
    const fields: Record<string, string[]> = {};
    for (const e of checked.errors) (fields[`${pathPrefix}.${e.path}`] ??= []).push(e.message);
    const first = checked.errors[0]!;
    throw new AppError("INVALID_INPUT", `${pathPrefix}.${first.path}: ${first.message}`, fields);
  }
  if (test && !test.ok) {
    const problems = test.failures.slice(0, 20).map((f) => (f.seed >= 0 ? `seed ${f.seed}: ${f.problem}` : f.problem));
    const costly = test.failures.some((f) => f.problem.includes("per-variant budget"));
    throw new AppError(
      costly ? "TOO_COSTLY" : "INVALID_INPUT",
      `the self-test failed on ${test.failures.length} of ${SAVE_SELF_TEST_VARIANTS} variants: ${problems[0]}`,
      { selfTest: problems },
    );
  }
  return checked.value;
}

export async function listBankQuestions(user: UserDto, filter: BankFilter = {}): Promise<BankQuestionDto[]> {
  requireAuthor(user);
  const rows = await db.questionTemplate.findMany({
    where: {
      ...visibleWhere(user),
      ...(filter.topic ? { topic: filter.topic } : {}),
      ...(filter.type ? { type: filter.type } : {}),
      ...(filter.difficulty ? { difficulty: filter.difficulty } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      // Tags are a JSON array in a text column; the quoted form matches whole tags only.
      ...(filter.tag ? { tags: { contains: JSON.stringify(filter.tag) } } : {}),
    },
    orderBy: [{ topic: "asc" }, { difficulty: "asc" }, { title: "asc" }],
  });
  // Case-insensitive search is done here because SQLite and PostgreSQL disagree on `contains` case rules;
  // a bank is hundreds of rows, not millions.
  const q = filter.q?.trim().toLowerCase();
  const matching = q ? rows.filter((r) => r.title.toLowerCase().includes(q) || r.slug.includes(q)) : rows;
  return matching.map((r) => toBankDto(user, r));
}

export async function getAuthoredQuestion(user: UserDto, id: string): Promise<AuthoredQuestionDto> {
  requireAuthor(user);
  const row = assertVisible(user, await db.questionTemplate.findUnique({ where: { id } }));
  const versions = await db.questionVersion.findMany({
    where: { templateId: row.id },
    orderBy: { version: "asc" },
    select: { id: true, version: true, spec: true, createdAt: true, _count: { select: { attempts: true } } },
  });
  const current = versions.find((v) => v.version === row.currentVersion);
  if (!current) throw new Error(`question ${row.slug} has no version ${row.currentVersion}`);
  return {
    ...toBankDto(user, row),
    spec: current.spec as unknown as QuestionTemplate,
    versions: versions.map((v) => ({
      version: v.version,
      createdAt: v.createdAt.toISOString(),
      attempts: v._count.attempts,
    })),
  };
}

export async function createQuestion(user: UserDto, input: unknown): Promise<BankQuestionDto> {
  requireAuthor(user);
  const spec = await vetTemplate(input);
  await assertTopicUsable(user, spec.topic);
  try {
    const row = await db.questionTemplate.create({
      data: {
        slug: spec.slug,
        ...columnsOf(spec),
        status: "DRAFT",
        builtIn: false,
        authorId: user.id,
        currentVersion: 1,
        versions: { create: { version: 1, spec: spec as object } },
      },
    });
    return toBankDto(user, row);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", `template.slug: a question with slug '${spec.slug}' already exists`, {
        "template.slug": ["already exists"],
      });
    throw error;
  }
}

/**
 * Saves an edit. A draft whose current version nobody has practised is changed in place; otherwise a new
 * version becomes current, so attempts keep the version they were graded with.
 */
export async function updateQuestion(user: UserDto, id: string, input: unknown): Promise<BankQuestionDto> {
  requireAuthor(user);
  const row = assertEditable(user, await db.questionTemplate.findUnique({ where: { id } }));
  const spec = await vetTemplate(input);
  await assertTopicUsable(user, spec.topic, "template.topic", row.topic);
  if (spec.slug !== row.slug)
    throw new AppError(
      "INVALID_INPUT",
      `template.slug: cannot change the slug of a saved question (it is '${row.slug}'); duplicate it instead`,
      { "template.slug": ["cannot be changed"] },
    );
  return saveVersion(user, row, spec);
}

/** Shared by edits and imports. */
export async function saveVersion(
  user: UserDto,
  row: Row,
  spec: QuestionTemplate,
  tx: Prisma.TransactionClient | typeof db = db,
): Promise<BankQuestionDto> {
  const current = await tx.questionVersion.findUnique({
    where: { templateId_version: { templateId: row.id, version: row.currentVersion } },
    select: { id: true, _count: { select: { variants: true } } },
  });
  if (row.status === "DRAFT" && current && current._count.variants === 0) {
    await tx.questionVersion.update({ where: { id: current.id }, data: { spec: spec as object } });
    return toBankDto(user, await tx.questionTemplate.update({ where: { id: row.id }, data: columnsOf(spec) }));
  }
  const next = row.currentVersion + 1;
  const write = async (t: Prisma.TransactionClient) => {
    // Conditional on the version we read: two simultaneous edits cannot both become version n+1.
    const claimed = await t.questionTemplate.updateMany({
      where: { id: row.id, currentVersion: row.currentVersion },
      data: { ...columnsOf(spec), currentVersion: next },
    });
    if (claimed.count !== 1)
      throw new AppError("CONFLICT", "someone else saved this question at the same moment; reload and try again");
    await t.questionVersion.create({ data: { templateId: row.id, version: next, spec: spec as object } });
    return t.questionTemplate.findUniqueOrThrow({ where: { id: row.id } });
  };
  const updated = tx === db ? await db.$transaction(write) : await write(tx as Prisma.TransactionClient);
  return toBankDto(user, updated);
}

export async function setQuestionStatus(user: UserDto, id: string, status: QuestionStatus): Promise<BankQuestionDto> {
  requireAuthor(user);
  const row = assertEditable(user, await db.questionTemplate.findUnique({ where: { id } }));
  return toBankDto(user, await db.questionTemplate.update({ where: { id: row.id }, data: { status } }));
}

/** A free slug derived from `base`: base-copy, base-copy-2, … */
async function freeSlug(base: string): Promise<string> {
  const stem = `${base.slice(0, 70)}-copy`;
  const taken = new Set(
    (await db.questionTemplate.findMany({ where: { slug: { startsWith: stem } }, select: { slug: true } })).map(
      (r) => r.slug,
    ),
  );
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

/** An editable draft copy owned by the caller; the way instructors change a built-in question. */
export async function duplicateQuestion(user: UserDto, id: string, slug?: string): Promise<BankQuestionDto> {
  requireAuthor(user);
  const source = await getAuthoredQuestion(user, id);
  const copy: QuestionTemplate = {
    ...source.spec,
    slug: slug ?? (await freeSlug(source.slug)),
    title: `${source.spec.title} (copy)`.slice(0, 200),
  };
  return createQuestion(user, copy);
}
