import { z } from "zod";
import { TOPIC_SLUGS } from "@/lib/topics";

// Lecturer-defined topics (issue #24): bodies and path parameters of /api/teach/topics. The built-in
// eight are not rows and cannot be created, renamed or deleted; their slugs are reserved.

export const TOPIC_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const topicSlugSchema = z
  .string({ error: "slug must be a string" })
  .trim()
  .min(2, "slug must be at least 2 characters")
  .max(60, "slug must be at most 60 characters")
  .regex(TOPIC_SLUG_PATTERN, "slug must be kebab-case (lowercase letters, digits and single dashes)");

const name = z
  .string({ error: "name must be a string" })
  .trim()
  .min(1, "give the topic a name")
  .max(80, "name must be at most 80 characters");
const description = z
  .string({ error: "description must be a string" })
  .trim()
  .max(500, "description must be at most 500 characters");

export const createTopicSchema = z
  .object({
    slug: topicSlugSchema.refine((s) => !(TOPIC_SLUGS as readonly string[]).includes(s), {
      message: "slug is one of the eight built-in topics; choose another",
    }),
    name,
    description: description.default(""),
  })
  .strict();
export type CreateTopicInput = z.infer<typeof createTopicSchema>;

/** A rename or a new description; the slug never changes, so questions and links keep pointing at it. */
export const updateTopicSchema = z
  .object({ name: name.optional(), description: description.optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.description !== undefined, { message: "give a name or a description" });
export type UpdateTopicInput = z.infer<typeof updateTopicSchema>;

/** Deleting a topic moves its questions to another topic (built-in, or one of the lecturer's own) first. */
export const deleteTopicSchema = z.object({ moveTo: topicSlugSchema }).strict();
export type DeleteTopicInput = z.infer<typeof deleteTopicSchema>;

export const topicParamsSchema = z.object({ slug: topicSlugSchema });
