import { describe, expect, it } from "vitest";
import { listLessonMetas } from "@/lib/lessons/load";
import { TOPICS } from "./topics";

describe("topic names", () => {
  it("are the lessons' own titles, one name per topic", () => {
    const lessons = listLessonMetas();
    expect(lessons.length).toBe(TOPICS.length);
    for (const lesson of lessons) {
      const topic = TOPICS.find((t) => t.slug === lesson.slug);
      expect(topic, lesson.slug).toBeDefined();
      expect(topic!.title).toBe(lesson.title);
      expect(topic!.short).toBe(lesson.title);
    }
  });
});
