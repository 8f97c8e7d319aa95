import type { TopicSlug } from "@/lib/engine/questions/types";

// The eight lessons, in teaching order; practice, mastery and the question bank are organised by them.
export const TOPICS: readonly { slug: TopicSlug; title: string; short: string }[] = [
  { slug: "processes-threads", title: "Processes and threads", short: "Processes & threads" },
  { slug: "creating-processes", title: "Creating processes: fork, exec, wait", short: "fork & exec" },
  { slug: "scheduling-basics", title: "CPU scheduling basics", short: "Scheduling basics" },
  { slug: "linux-fair-scheduler", title: "Linux's fair scheduler: CFS and EEVDF", short: "CFS & EEVDF" },
  { slug: "real-time", title: "Real-time scheduling", short: "Real-time" },
  { slug: "context-switch", title: "The cost of a context switch", short: "Context switches" },
  { slug: "user-space-scheduling", title: "User-space scheduling", short: "User-space scheduling" },
  { slug: "thread-per-request", title: "Thread-per-request and its ceilings", short: "Thread-per-request" },
];

export const TOPIC_SLUGS = TOPICS.map((t) => t.slug);

export function topicBySlug(slug: string) {
  return TOPICS.find((t) => t.slug === slug);
}
