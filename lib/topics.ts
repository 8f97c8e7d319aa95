import type { TopicSlug } from "@/lib/engine/questions";

// The eight lessons, in teaching order; practice, mastery and the question bank are organised by them.
// One name per topic: the lesson's own title (its front-matter in lib/lessons/content, checked equal by
// topics.test.ts). `short` is kept for the places that read it and is the same name.
const NAMES: readonly { slug: TopicSlug; title: string }[] = [
  { slug: "processes-threads", title: "Processes and threads" },
  { slug: "creating-processes", title: "Creating processes" },
  { slug: "scheduling-basics", title: "Scheduling basics" },
  { slug: "linux-fair-scheduler", title: "Linux's fair scheduler: CFS and EEVDF" },
  { slug: "real-time", title: "Real-time scheduling" },
  { slug: "context-switch", title: "The cost of a context switch" },
  { slug: "user-space-scheduling", title: "User-space scheduling" },
  { slug: "thread-per-request", title: "Thread-per-request and its limits" },
];

export const TOPICS: readonly { slug: TopicSlug; title: string; short: string }[] = NAMES.map((t) => ({
  ...t,
  short: t.title,
}));

export const TOPIC_SLUGS = TOPICS.map((t) => t.slug);

export function topicBySlug(slug: string) {
  return TOPICS.find((t) => t.slug === slug);
}
