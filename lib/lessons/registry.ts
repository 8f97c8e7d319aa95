// The fixed syllabus and the names a lesson may embed. Kept apart from the components so the content
// lint can check directives without loading React, and typed so the component maps must cover every name.

/** The eight lessons, in teaching order (front matter `order` must agree). */
export const LESSON_SLUGS = [
  "processes-threads",
  "creating-processes",
  "scheduling-basics",
  "linux-fair-scheduler",
  "real-time",
  "context-switch",
  "user-space-scheduling",
  "thread-per-request",
] as const;
export type LessonSlug = (typeof LESSON_SLUGS)[number];

/** Live widgets: client components that run the engine in the browser. */
export const WIDGET_NAMES = [
  "switch-cost",
  "fork-explorer",
  "rr-quantum",
  "nice-shares",
  "rt-starvation",
  "event-loop-order",
  "capacity",
  "cpu-quota",
  "priority-inversion",
  "load-average",
  "count-race",
  "interrupt-race",
  "lock-picker",
  "deadlock-finder",
  "cpu-affinity",
  "smp-queues",
] as const;
export type WidgetName = (typeof WIDGET_NAMES)[number];

/** Static SVG diagrams, rendered on the server. */
export const DIAGRAM_NAMES = [
  "address-spaces",
  "fork-exec-wait",
  "mlfq-levels",
  "eevdf-timeline",
  "sched-classes",
  "context-switch-steps",
  "m-n-threading",
  "thread-vs-loop",
] as const;
export type DiagramName = (typeof DIAGRAM_NAMES)[number];

export function isWidgetName(name: string): name is WidgetName {
  return (WIDGET_NAMES as readonly string[]).includes(name);
}

export function isDiagramName(name: string): name is DiagramName {
  return (DIAGRAM_NAMES as readonly string[]).includes(name);
}

export function isLessonSlug(slug: string): slug is LessonSlug {
  return (LESSON_SLUGS as readonly string[]).includes(slug);
}
