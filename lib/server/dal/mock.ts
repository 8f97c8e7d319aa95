import "server-only";
import { randomInt } from "node:crypto";
import type { VariantView } from "@/lib/engine";
import {
  buildMockReport,
  isMockEligible,
  MAX_MOCK_QUESTIONS,
  type MockDuration,
  type MockReport,
  pickNextQuestion,
  START_DIFFICULTY,
} from "@/lib/progress/mock";
import {
  type MockKeyPoint,
  mockPromptById,
  type MockPromptView,
  mockPromptView,
  normaliseCovered,
  pickMockPrompt,
} from "@/lib/progress/mock-prompts";
import { newCardState } from "@/lib/progress/schedule";
import { TOPIC_SLUGS } from "@/lib/topics";
import type { SubmitAttemptInput } from "@/lib/validation/attempts";
import { isUniqueViolation } from "@/lib/db/errors";
import { db } from "../db";
import { AppError } from "../errors";
import { submitAttempt } from "./attempts";
import { applyMockProgress } from "./progress";
import type { UserDto } from "./users";
import { createVariant, loadVariant } from "./variants";

// Mock interviews. The server owns the clock: the deadline is stored when the session starts, and
// answers after it are refused (409) inside the attempt's own transaction. Scores stay on the server
// until the session has ended.

export interface MockQuestion {
  itemId: string;
  position: number;
  view: VariantView;
}

/** The explain prompt's stage: answer it (no key shown), then self-assess (model answer and rubric shown). */
export type MockExplainStage =
  | { phase: "answer"; prompt: MockPromptView }
  | { phase: "assess"; prompt: MockPromptView; answer: string; modelAnswer: string; keyPoints: MockKeyPoint[] };

export interface MockState {
  sessionId: string;
  minutes: number;
  startedAt: string;
  deadline: string;
  ended: boolean;
  answered: number;
  /** The explain prompt, while it is open: it comes before the graded questions. */
  explain: MockExplainStage | null;
  /** The question to answer now; null once the session has ended or while the explain prompt is open. */
  question: MockQuestion | null;
  report: MockReport | null;
}

async function ownSession(user: UserDto, sessionId: string) {
  const session = await db.mockSession.findUnique({ where: { id: sessionId } });
  // Someone else's session does not exist as far as this student is concerned.
  if (!session || session.userId !== user.id) throw new AppError("NOT_FOUND", "no such mock interview");
  return session;
}

/** The templates a mock may ask: published, mock-eligible, of the eight interview topics. */
export async function mockCandidates() {
  const rows = await db.questionTemplate.findMany({
    // The eight interview topics only: a lecturer's own topic is course material, shown to their classes alone.
    where: { status: "PUBLISHED", topic: { in: [...TOPIC_SLUGS] } },
    select: { id: true, slug: true, topic: true, difficulty: true, tags: true },
    orderBy: { id: "asc" },
  });
  return rows.filter((r) => isMockEligible(parseTags(r.tags)));
}

function parseTags(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
}

export async function startMock(
  user: UserDto,
  minutes: MockDuration,
  now = new Date(),
): Promise<{ sessionId: string }> {
  const seed = randomInt(0, 2 ** 31 - 1);
  const session = await db.mockSession.create({
    data: {
      userId: user.id,
      seed,
      minutes,
      difficulty: START_DIFFICULTY,
      startedAt: now,
      deadline: new Date(now.getTime() + minutes * 60_000),
      // Every mock has one explain / trade-off prompt; its clock starts with the session, as it is asked first.
      explain: { create: { promptId: pickMockPrompt(seed).id, startedAt: now } },
    },
  });
  return { sessionId: session.id };
}

function promptOf(promptId: string) {
  const prompt = mockPromptById(promptId);
  // A prompt removed from the pool after the session started can no longer be answered or assessed.
  if (!prompt) throw new AppError("NOT_FOUND", "this mock interview's explain prompt no longer exists");
  return prompt;
}

function parseCovered(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
}

async function explainStage(sessionId: string): Promise<MockExplainStage | null> {
  const row = await db.mockExplain.findUnique({ where: { sessionId } });
  const prompt = row ? mockPromptById(row.promptId) : undefined;
  if (!row || row.assessedAt || !prompt) return null;
  if (row.answer === null) return { phase: "answer", prompt: mockPromptView(prompt) };
  return {
    phase: "assess",
    prompt: mockPromptView(prompt),
    answer: row.answer,
    modelAnswer: prompt.modelAnswer,
    keyPoints: [...prompt.keyPoints],
  };
}

/**
 * Stores the free-text answer (once, before the deadline) and only then returns the model answer and the
 * key points, so the key never reaches the browser before the candidate has committed to their text.
 */
export async function answerMockExplain(user: UserDto, sessionId: string, text: string, now = new Date()) {
  const session = await ownSession(user, sessionId);
  if (isOver(session, now)) throw new AppError("CONFLICT", "the interview has ended");
  const row = await db.mockExplain.findUnique({ where: { sessionId } });
  if (!row) throw new AppError("NOT_FOUND", "this mock interview has no explain prompt");
  const claimed = await db.mockExplain.updateMany({
    where: { sessionId, answeredAt: null },
    data: { answer: text, answeredAt: now },
  });
  if (claimed.count !== 1) throw new AppError("CONFLICT", "the explain prompt is already answered");
  const prompt = promptOf(row.promptId);
  return { modelAnswer: prompt.modelAnswer, keyPoints: [...prompt.keyPoints] };
}

/** The candidate's self-assessment: which key points their answer covered. Once; also after the deadline. */
export async function assessMockExplain(
  user: UserDto,
  sessionId: string,
  covered: readonly string[],
  now = new Date(),
) {
  await ownSession(user, sessionId);
  const row = await db.mockExplain.findUnique({ where: { sessionId } });
  if (!row) throw new AppError("NOT_FOUND", "this mock interview has no explain prompt");
  if (row.answeredAt === null) throw new AppError("CONFLICT", "answer the explain prompt before assessing it");
  const prompt = promptOf(row.promptId);
  const unknown = covered.filter((id) => !prompt.keyPoints.some((k) => k.id === id));
  if (unknown.length) throw new AppError("INVALID_INPUT", `covered: unknown key point ${unknown[0]}`);
  const kept = normaliseCovered(prompt, covered);
  const claimed = await db.mockExplain.updateMany({
    where: { sessionId, assessedAt: null },
    data: { covered: JSON.stringify(kept), assessedAt: now },
  });
  if (claimed.count !== 1) throw new AppError("CONFLICT", "the explain prompt is already assessed");
  return { covered: kept };
}

/** Adds the next question, chosen from the session's seed, position and current difficulty. */
async function askNext(
  user: UserDto,
  session: { id: string; seed: number; difficulty: number },
  asked: { templateId: string; topic: string }[],
) {
  if (asked.length >= MAX_MOCK_QUESTIONS) return null;
  const pool = (await mockCandidates()).map((c) => ({
    templateId: c.id,
    slug: c.slug,
    topic: c.topic,
    difficulty: c.difficulty,
  }));
  const pick = pickNextQuestion(
    pool,
    {
      difficulty: session.difficulty,
      askedTemplateIds: asked.map((a) => a.templateId),
      askedTopics: asked.map((a) => a.topic),
    },
    session.seed + asked.length,
  );
  if (!pick) return null;
  const variant = await createVariant(user, pick.slug);
  try {
    return await db.mockItem.create({
      data: {
        sessionId: session.id,
        position: asked.length,
        templateId: pick.templateId,
        variantId: variant.id,
        difficulty: pick.difficulty,
      },
    });
  } catch (error) {
    // Two tabs asked for the next question at once: the other one won, use its question.
    if (isUniqueViolation(error)) {
      await db.variant.delete({ where: { id: variant.id } });
      return db.mockItem.findUnique({
        where: { sessionId_position: { sessionId: session.id, position: asked.length } },
      });
    }
    throw error;
  }
}

function isOver(session: { endedAt: Date | null; deadline: Date }, now: Date): boolean {
  return session.endedAt !== null || session.deadline <= now;
}

export async function getMockState(user: UserDto, sessionId: string, now = new Date()): Promise<MockState> {
  let session = await ownSession(user, sessionId);
  const base = {
    sessionId,
    minutes: session.minutes,
    startedAt: session.startedAt.toISOString(),
    deadline: session.deadline.toISOString(),
  };
  if (isOver(session, now)) {
    const report = await endMock(user, sessionId, now);
    return { ...base, ended: true, answered: report.answered, explain: null, question: null, report };
  }
  const explain = await explainStage(sessionId);
  if (explain) return { ...base, ended: false, answered: 0, explain, question: null, report: null };
  const items = await db.mockItem.findMany({
    where: { sessionId },
    orderBy: { position: "asc" },
    include: { template: { select: { topic: true } } },
  });
  let current: { id: string; position: number; variantId: string } | null =
    items.find((i) => i.answeredAt === null) ?? null;
  if (!current) {
    session = await db.mockSession.findUniqueOrThrow({ where: { id: sessionId } });
    current = await askNext(
      user,
      session,
      items.map((i) => ({ templateId: i.templateId, topic: i.template.topic })),
    );
  }
  if (!current) {
    // The bank has run out (or the cap is reached): the interview is over.
    const report = await endMock(user, sessionId, now);
    return { ...base, ended: true, answered: report.answered, explain: null, question: null, report };
  }
  const loaded = await loadVariant(await db.variant.findUniqueOrThrow({ where: { id: current.variantId } }));
  return {
    ...base,
    ended: false,
    answered: items.filter((i) => i.answeredAt !== null).length,
    explain: null,
    question: { itemId: current.id, position: current.position, view: loaded.built.view },
    report: null,
  };
}

/**
 * Grades and stores the answer, but tells the browser only that it was recorded. Here: whose session
 * and item it is. The mock rules (deadline, ended, answered once) are checked once, in the attempt's
 * transaction, where the item is claimed (claimMockAnswer in mock-secrecy.ts).
 */
export async function answerMock(
  user: UserDto,
  sessionId: string,
  itemId: string,
  input: SubmitAttemptInput,
): Promise<{ recorded: true }> {
  const session = await ownSession(user, sessionId);
  const item = await db.mockItem.findUnique({ where: { id: itemId } });
  if (!item || item.sessionId !== session.id)
    throw new AppError("NOT_FOUND", "no such question in this mock interview");
  await submitAttempt(user, item.variantId, input, { sessionId: session.id });
  return { recorded: true };
}

/** Ends the session (idempotent) and returns the report; what went wrong becomes due for review now. */
export async function endMock(user: UserDto, sessionId: string, now = new Date()): Promise<MockReport> {
  const session = await ownSession(user, sessionId);
  if (!session.endedAt) {
    const endedAt = session.deadline < now ? session.deadline : now;
    // Claiming the end and applying the withheld progress happen together, exactly once.
    const claimed = await db.$transaction(async (tx) => {
      const ended = await tx.mockSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt } });
      if (ended.count === 1) await applyMockProgress(tx, sessionId);
      return ended;
    });
    if (claimed.count === 1) {
      const report = await mockReportOf(sessionId);
      for (const t of report.toReview) {
        await db.reviewCard.upsert({
          where: { userId_templateId: { userId: user.id, templateId: t.templateId } },
          update: { due: now },
          create: { userId: user.id, templateId: t.templateId, ...cardCreate(now) },
        });
      }
      return report;
    }
  }
  return mockReportOf(sessionId);
}

function cardCreate(now: Date) {
  const card = newCardState(now);
  return { ...card, due: now, lastReview: null };
}

async function mockReportOf(sessionId: string): Promise<MockReport> {
  const items = await db.mockItem.findMany({
    where: { sessionId },
    orderBy: { position: "asc" },
    include: { template: { select: { slug: true, title: true, topic: true } } },
  });
  const explain = await db.mockExplain.findUnique({ where: { sessionId } });
  const prompt = explain ? mockPromptById(explain.promptId) : undefined;
  return buildMockReport(
    items.map((i) => ({
      templateId: i.templateId,
      slug: i.template.slug,
      title: i.template.title,
      topic: i.template.topic,
      difficulty: i.difficulty,
      score: i.score,
      startedAt: i.startedAt.toISOString(),
      answeredAt: i.answeredAt?.toISOString() ?? null,
      attemptId: i.attemptId,
    })),
    explain && prompt
      ? {
          prompt,
          answer: explain.answer,
          startedAt: explain.startedAt.toISOString(),
          answeredAt: explain.answeredAt?.toISOString() ?? null,
          covered: explain.assessedAt ? parseCovered(explain.covered) : null,
        }
      : null,
  );
}

export async function getMockReport(user: UserDto, sessionId: string, now = new Date()): Promise<MockReport> {
  const session = await ownSession(user, sessionId);
  if (!isOver(session, now)) throw new AppError("CONFLICT", "the report is shown when the interview ends");
  return endMock(user, sessionId, now);
}

export interface MockSummary {
  id: string;
  minutes: number;
  startedAt: string;
  ended: boolean;
  questions: number;
}

export async function listMockSessions(user: UserDto, now = new Date()): Promise<MockSummary[]> {
  const rows = await db.mockSession.findMany({
    where: { userId: user.id },
    orderBy: { startedAt: "desc" },
    take: 20,
    include: { _count: { select: { items: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    minutes: r.minutes,
    startedAt: r.startedAt.toISOString(),
    ended: isOver(r, now),
    questions: r._count.items,
  }));
}
