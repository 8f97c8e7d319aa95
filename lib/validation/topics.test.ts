import { describe, expect, it } from "vitest";
import { EXAMPLE_TEMPLATES, validateTemplate } from "@/lib/engine";
import { TOPIC_SLUGS } from "@/lib/topics";
import { checkTemplate } from "./questions";
import { createTopicSchema, deleteTopicSchema, updateTopicSchema } from "./topics";

const base = () => structuredClone(EXAMPLE_TEMPLATES[0]!);

describe("lecturer topics in templates", () => {
  it("accepts the eight built-in topics and any kebab-case lecturer topic slug", () => {
    for (const topic of [...TOPIC_SLUGS, "week-5-scheduling", "os2"]) {
      const checked = checkTemplate({ ...base(), topic });
      expect(checked.ok, topic).toBe(true);
      if (checked.ok) expect(checked.value.topic).toBe(topic);
    }
  });

  it("refuses a topic that is not a slug, naming the field, in the engine and in the outer schema", () => {
    for (const topic of ["Week 5", "", "x", "a--b", 7, null, "a".repeat(61)]) {
      const engine = validateTemplate({ ...base(), topic });
      expect(engine.ok, String(topic)).toBe(false);
      if (!engine.ok) expect(engine.errors.map((e) => e.path)).toContain("topic");
      const checked = checkTemplate({ ...base(), topic });
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.errors.map((e) => e.path)).toContain("topic");
    }
  });
});

describe("topic bodies", () => {
  it("reserves the built-in slugs and bounds every field", () => {
    expect(createTopicSchema.safeParse({ slug: "week-5", name: "Week 5" }).data).toEqual({
      slug: "week-5",
      name: "Week 5",
      description: "",
    });
    for (const slug of TOPIC_SLUGS) expect(createTopicSchema.safeParse({ slug, name: "x" }).success).toBe(false);
    expect(createTopicSchema.safeParse({ slug: "ok", name: "x".repeat(81) }).success).toBe(false);
    expect(createTopicSchema.safeParse({ slug: "ok", name: "x", extra: 1 }).success).toBe(false);
    expect(updateTopicSchema.safeParse({}).success).toBe(false);
    expect(updateTopicSchema.safeParse({ description: "" }).success).toBe(true);
    expect(deleteTopicSchema.safeParse({ moveTo: "Not A Slug" }).success).toBe(false);
  });
});
