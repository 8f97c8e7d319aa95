// validateTemplate: turns an authored (untrusted) template into a complete QuestionTemplate, or a list
// of issues each naming the field, including the kind's generator spec and unknown {{placeholders}}.
import { splitDiscriminate, validateDiscriminate } from "./discriminate";
import { validateGrading } from "./grading";
import { validateImages } from "./images";
import { Issues, read } from "./issues";
import { placeholdersIn } from "./params";
import { KINDS, QUESTION_TYPES } from "./registry";
import type { Checked, CustomTopicSlug, Difficulty, QuestionTemplate, QuestionType, TopicSlug } from "./types";
import { buildVariant } from "./variant";

export const TOPIC_SLUGS: readonly TopicSlug[] = [
  "processes-threads",
  "creating-processes",
  "scheduling-basics",
  "linux-fair-scheduler",
  "real-time",
  "context-switch",
  "user-space-scheduling",
  "thread-per-request",
];

const TEMPLATE_KEYS = [
  "slug",
  "title",
  "type",
  "topic",
  "tags",
  "difficulty",
  "prompt",
  "generator",
  "grading",
  "hints",
  "explanation",
  "images",
];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function validateTemplate(input: unknown): Checked<QuestionTemplate> {
  const issues = new Issues();
  const o = read.object(issues, input, "");
  if (!o) return { ok: false, errors: issues.list };
  read.onlyKeys(issues, o, TEMPLATE_KEYS, "");
  const slug = read.string(issues, o["slug"], "slug", { max: 80 });
  if (slug !== undefined && !SLUG.test(slug))
    issues.add("slug", `must be kebab-case (lowercase letters, digits and single dashes), got ${JSON.stringify(slug)}`);
  const title = read.string(issues, o["title"], "title", { max: 200 });
  const type = read.choice(issues, o["type"], "type", QUESTION_TYPES) as QuestionType | undefined;
  // One of the eight, or a lecturer-defined topic's slug (issue #24): the engine checks the shape only;
  // the server checks that the topic exists and that the author may file questions under it.
  const topicRaw = o["topic"];
  let topic: TopicSlug | CustomTopicSlug | undefined;
  if (typeof topicRaw === "string" && (TOPIC_SLUGS as readonly string[]).includes(topicRaw)) topic = topicRaw;
  else if (typeof topicRaw === "string" && topicRaw.length >= 2 && topicRaw.length <= 60 && SLUG.test(topicRaw))
    topic = topicRaw as CustomTopicSlug;
  else
    issues.add(
      "topic",
      `must be one of ${TOPIC_SLUGS.map((x) => JSON.stringify(x)).join(", ")} or a lecturer topic's kebab-case slug, got ${typeof topicRaw === "string" ? JSON.stringify(topicRaw) : typeof topicRaw}`,
    );
  const tags: string[] = [];
  if (o["tags"] !== undefined) {
    const arr = read.array(issues, o["tags"], "tags", { min: 0, max: 20 }) ?? [];
    arr.forEach((t, i) => {
      const s = read.string(issues, t, `tags[${i}]`, { max: 40 });
      if (s !== undefined) tags.push(s);
    });
  }
  const difficulty = read.number(issues, o["difficulty"], "difficulty", { min: 1, max: 5, integer: true }) as
    Difficulty | undefined;
  const prompt = read.string(issues, o["prompt"], "prompt", { max: 20_000 });
  const generator = read.object(issues, o["generator"], "generator");
  const grading = validateGrading(issues, o["grading"], "grading");
  const hints: string[] = [];
  if (o["hints"] !== undefined) {
    const arr = read.array(issues, o["hints"], "hints", { min: 0, max: 10 }) ?? [];
    arr.forEach((h, i) => {
      const s = read.string(issues, h, `hints[${i}]`, { max: 5000 });
      if (s !== undefined) hints.push(s);
    });
  }
  const explanation =
    o["explanation"] === undefined
      ? ""
      : (read.string(issues, o["explanation"], "explanation", { min: 0, max: 20_000 }) ?? "");
  const images = validateImages(issues, o["images"], "images");
  // generator.discriminate is read here and by buildVariant, not by the kinds (it works for any of them).
  const split = generator ? splitDiscriminate(generator) : undefined;
  if (type && split) validateDiscriminate(issues, split.raw, type);
  const spec = type && split ? KINDS[type].validate(split.rest) : undefined;
  if (spec && !spec.ok) for (const e of spec.errors) issues.add(e.path, e.message);
  if (issues.any || !slug || !title || !type || !topic || !difficulty || prompt === undefined || !generator)
    return { ok: false, errors: issues.list };
  const template: QuestionTemplate = {
    slug,
    title,
    type,
    topic,
    tags,
    difficulty,
    prompt,
    generator,
    grading,
    hints,
    explanation,
  };
  // Kept only when there are images, so templates without them keep their exact JSON (and versions).
  if (images && images.length > 0) template.images = images;
  // One trial build catches generators that can never produce a variant and prompt placeholders that
  // no variant fills.
  if (spec?.ok) {
    const built = KINDS[type].build(spec.value, 0, template);
    if (!built.ok) for (const e of built.errors) issues.add(e.path, e.message);
    else if (split?.raw !== undefined && !issues.any) {
      const drawn = buildVariant(template, 0);
      if (!drawn.ok) for (const e of drawn.errors) issues.add(e.path, e.message);
    }
    if (built.ok) {
      for (const [field, text] of [
        ["prompt", prompt],
        ["explanation", explanation],
      ] as const) {
        for (const name of new Set(placeholdersIn(text))) {
          if (!(name in built.value.params))
            issues.add(
              field,
              `unknown placeholder {{${name}}} (known: ${Object.keys(built.value.params).join(", ") || "none"})`,
            );
        }
      }
    }
  }
  return issues.result(template);
}
