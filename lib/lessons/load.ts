// Reads lesson files from disk. Only build-time / server code calls this (the pages are static), so
// the node:fs import never reaches a client bundle.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseLesson } from "./parse";
import { LESSON_SLUGS, isLessonSlug, type LessonSlug } from "./registry";
import type { Lesson, LessonMeta } from "./types";

export const LESSON_DIR = path.join(process.cwd(), "lib", "lessons", "content");

export function lessonPath(slug: LessonSlug): string {
  return path.join(LESSON_DIR, `${slug}.md`);
}

/** Throws with every problem listed: a broken lesson must fail the build, not render half a page. */
export function loadLesson(slug: string): Lesson | null {
  if (!isLessonSlug(slug)) return null;
  const parsed = parseLesson(readFileSync(lessonPath(slug), "utf8"), slug);
  if (!parsed.ok) {
    throw new Error(`lesson ${slug} is invalid:\n${parsed.errors.map((e) => `  ${e.path}: ${e.message}`).join("\n")}`);
  }
  return parsed.value;
}

export function loadAllLessons(): Lesson[] {
  return LESSON_SLUGS.map((slug) => loadLesson(slug)!).sort((a, b) => a.meta.order - b.meta.order);
}

export function listLessonMetas(): LessonMeta[] {
  return loadAllLessons().map((l) => l.meta);
}
