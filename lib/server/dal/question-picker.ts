import "server-only";
import type { PickerQuestionDto, QuestionPreviewDto } from "@/lib/api/dto";
import { db } from "../db";
import { AppError } from "../errors";
import { requireAuthor } from "./authoring-access";
import type { UserDto } from "./users";
import { publishedView } from "./variants";

// Choosing questions for an assignment: every published question (exactly the set an assignment
// accepts) and a preview of each as students see it. The preview is built here and only its view is
// sent, so the picker never carries a reference answer to the browser.

/** The seed previews are drawn with: a fixed one, so the same question always previews the same way. */
export const PREVIEW_SEED = 0;

export async function listPickerQuestions(user: UserDto): Promise<PickerQuestionDto[]> {
  requireAuthor(user);
  const rows = await db.questionTemplate.findMany({
    where: { status: "PUBLISHED" },
    orderBy: [{ topic: "asc" }, { difficulty: "asc" }, { title: "asc" }],
    select: { id: true, slug: true, title: true, type: true, topic: true, difficulty: true, tags: true },
  });
  return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }));
}

export async function previewPublishedQuestion(user: UserDto, templateId: string): Promise<QuestionPreviewDto> {
  requireAuthor(user);
  const row = await db.questionTemplate.findUnique({ where: { id: templateId }, select: { slug: true, status: true } });
  // Drafts and archived questions cannot be assigned, so they have no picker preview either.
  if (!row || row.status !== "PUBLISHED") throw new AppError("NOT_FOUND", "no such published question");
  const view = await publishedView(row.slug, PREVIEW_SEED);
  return {
    seed: PREVIEW_SEED,
    view: { title: view.title, prompt: view.prompt, exhibits: view.exhibits, conventions: view.conventions },
    asks: view.parts.map((p) => ({ kind: p.kind, label: p.label })),
  };
}
