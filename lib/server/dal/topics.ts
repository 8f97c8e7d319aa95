import "server-only";
import { isUniqueViolation } from "@/lib/db/errors";
import { isAdmin } from "@/lib/roles";
import { TOPICS, topicBySlug } from "@/lib/topics";
import type { CreateTopicInput, DeleteTopicInput, UpdateTopicInput } from "@/lib/validation/topics";
import { db } from "../db";
import { AppError } from "../errors";
import { assertTeacher } from "./session";
import type { UserDto } from "./users";

// Lecturer-defined topics (issue #24). An instructor creates, renames and deletes their own (admins any);
// questions name a topic by slug, so a rename keeps them and a delete first moves them to a topic the
// lecturer names (nothing is lost). Students see a lecturer's topics in practice when they are in one of
// that lecturer's classes; anyone else's topic answers as missing (404), so topics cannot be probed.

export interface TopicDto {
  slug: string;
  name: string;
  description: string;
  builtIn: boolean;
  /** Questions filed under it (any status); only in the lecturer's own list. */
  questions?: number;
}

const BUILT_IN: TopicDto[] = TOPICS.map((t) => ({ slug: t.slug, name: t.title, description: "", builtIn: true }));

type TopicRow = { slug: string; name: string; description: string; ownerId: string };

const toDto = (r: TopicRow): TopicDto => ({ slug: r.slug, name: r.name, description: r.description, builtIn: false });

/** The topic if this user may manage it (its owner, or an admin); 404 otherwise. */
async function managedTopic(user: UserDto, slug: string): Promise<TopicRow> {
  assertTeacher(user);
  if (topicBySlug(slug)) throw new AppError("FORBIDDEN", `'${slug}' is a built-in topic and cannot be changed`);
  const row = await db.topic.findUnique({ where: { slug } });
  if (!row || (row.ownerId !== user.id && !isAdmin(user))) throw new AppError("NOT_FOUND", `no topic '${slug}'`);
  return row;
}

/** The lecturer's own topics (an admin's: every lecturer's), with how many questions each holds. */
export async function listOwnTopics(user: UserDto): Promise<TopicDto[]> {
  assertTeacher(user);
  const rows = await db.topic.findMany({
    where: isAdmin(user) ? {} : { ownerId: user.id },
    orderBy: { name: "asc" },
  });
  const counts = await db.questionTemplate.groupBy({
    by: ["topic"],
    where: { topic: { in: rows.map((r) => r.slug) } },
    _count: { _all: true },
  });
  const byTopic = new Map(counts.map((c) => [c.topic, c._count._all]));
  return rows.map((r) => ({ ...toDto(r), questions: byTopic.get(r.slug) ?? 0 }));
}

export async function createTopic(user: UserDto, input: CreateTopicInput): Promise<TopicDto> {
  assertTeacher(user);
  try {
    return toDto(await db.topic.create({ data: { ...input, ownerId: user.id } }));
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", `slug: a topic '${input.slug}' already exists`, { slug: ["already exists"] });
    throw error;
  }
}

export async function updateTopic(user: UserDto, slug: string, input: UpdateTopicInput): Promise<TopicDto> {
  const row = await managedTopic(user, slug);
  return toDto(
    await db.topic.update({
      where: { slug: row.slug },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      },
    }),
  );
}

/** Deletes a topic after moving its questions (every status, built-in or not) to `moveTo`; returns how many moved. */
export async function deleteTopic(user: UserDto, slug: string, input: DeleteTopicInput): Promise<{ moved: number }> {
  const row = await managedTopic(user, slug);
  if (input.moveTo === slug)
    throw new AppError("INVALID_INPUT", "moveTo: must be another topic", { moveTo: ["must be another topic"] });
  if (!topicBySlug(input.moveTo)) {
    const target = await db.topic.findUnique({ where: { slug: input.moveTo } });
    // Only into a topic of the same owner (or any, for an admin): a lecturer cannot fill a colleague's topic.
    if (!target || (target.ownerId !== row.ownerId && !isAdmin(user)))
      throw new AppError("INVALID_INPUT", `moveTo: no topic '${input.moveTo}' of yours`, {
        moveTo: ["is not a built-in topic or one of yours"],
      });
  }
  return db.$transaction(async (tx) => {
    const templates = await tx.questionTemplate.findMany({ where: { topic: slug }, select: { id: true } });
    await tx.questionTemplate.updateMany({ where: { topic: slug }, data: { topic: input.moveTo } });
    // The stored specs name the topic too; the topic never changes a variant or a grade, so every version
    // is relabelled in place and the editor, exports and imports agree with the bank's column.
    const versions = await tx.questionVersion.findMany({
      where: { templateId: { in: templates.map((t) => t.id) } },
      select: { id: true, spec: true },
    });
    for (const v of versions) {
      const spec = v.spec as Record<string, unknown>;
      if (spec["topic"] === slug)
        await tx.questionVersion.update({ where: { id: v.id }, data: { spec: { ...spec, topic: input.moveTo } } });
    }
    await tx.topic.delete({ where: { slug } });
    return { moved: templates.length };
  });
}

/**
 * The lecturer topics this user sees in practice and progress: their own (instructors), every one
 * (admins), and those of the lecturers whose classes they are in, by name.
 */
export async function visibleCustomTopics(user: UserDto): Promise<TopicDto[]> {
  if (isAdmin(user)) return (await db.topic.findMany({ orderBy: { name: "asc" } })).map(toDto);
  const teachers = await db.class.findMany({
    where: { archivedAt: null, members: { some: { userId: user.id } } },
    select: { instructorId: true },
  });
  const owners = [...new Set([user.id, ...teachers.map((c) => c.instructorId)])];
  return (await db.topic.findMany({ where: { ownerId: { in: owners } }, orderBy: { name: "asc" } })).map(toDto);
}

/** The eight built-in topics, then this user's visible lecturer topics. */
export async function practiceTopics(user: UserDto): Promise<TopicDto[]> {
  return [...BUILT_IN, ...(await visibleCustomTopics(user))];
}

/** One topic as this user may see it, or null (unknown, or another lecturer's topic they are not taught). */
export async function practiceTopic(user: UserDto, slug: string): Promise<TopicDto | null> {
  const builtIn = BUILT_IN.find((t) => t.slug === slug);
  if (builtIn) return builtIn;
  return (await visibleCustomTopics(user)).find((t) => t.slug === slug) ?? null;
}

/**
 * Authoring gate for a question's topic: a built-in one, or a lecturer topic of the author's own (an
 * admin may use any). A question that is already in a topic may stay there whoever edits it.
 */
export async function assertTopicUsable(
  user: UserDto,
  topic: string,
  field = "template.topic",
  current?: string,
): Promise<void> {
  if (topicBySlug(topic) || topic === current) return;
  const row = await db.topic.findUnique({ where: { slug: topic }, select: { ownerId: true } });
  if (row && (row.ownerId === user.id || isAdmin(user))) return;
  throw new AppError("INVALID_INPUT", `${field}: no topic '${topic}' among the built-in ones or yours`, {
    [field]: ["is not a built-in topic or one you defined"],
  });
}
