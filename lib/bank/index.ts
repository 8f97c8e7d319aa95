// The built-in question bank, seeded into the database on first start (lib/db/seed-bank.ts): one file
// per lesson under ./templates, concatenated in lesson order.
import type { QuestionTemplate } from "@/lib/engine";
import { PROCESSES_THREADS } from "./templates/processes-threads";
import { CREATING_PROCESSES } from "./templates/creating-processes";
import { SCHEDULING_BASICS } from "./templates/scheduling-basics";
import { LINUX_FAIR_SCHEDULER } from "./templates/linux-fair-scheduler";
import { REAL_TIME } from "./templates/real-time";
import { CONTEXT_SWITCH } from "./templates/context-switch";
import { USER_SPACE_SCHEDULING } from "./templates/user-space-scheduling";
import { THREAD_PER_REQUEST } from "./templates/thread-per-request";
// Topics added by issue #15, each filed under the lesson that teaches it.
import { PROCESS_STATES_TEMPLATES } from "./templates/process-states";
import { SIGNALS_THREADS_TEMPLATES } from "./templates/signals-threads";
import { PROCESS_CREATION_TEMPLATES } from "./templates/process-creation";
import { CGROUP_CPU_TEMPLATES } from "./templates/cgroup-cpu";
import { PRIORITY_INVERSION_TEMPLATES } from "./templates/priority-inversion";
import { DEADLINE_PREEMPTION_TEMPLATES } from "./templates/deadline-preemption";
import { THREAD_MODELS_TEMPLATES } from "./templates/thread-models";
// Issue #14, item 6: fork-tree answers, filed under "Creating processes".
import { FORK_TREE_TEMPLATES } from "./templates/fork-trees";
// Issue #18: races, locks and deadlock, taught in the processes-threads lesson.
import { RACES_LOCKS_TEMPLATES } from "./templates/races-locks";
import { RACES_ANSWERS_TEMPLATES } from "./templates/races-answers";

export const BUILT_IN_TEMPLATES: readonly QuestionTemplate[] = [
  ...PROCESSES_THREADS,
  ...PROCESS_STATES_TEMPLATES,
  ...SIGNALS_THREADS_TEMPLATES,
  ...RACES_LOCKS_TEMPLATES,
  ...RACES_ANSWERS_TEMPLATES,
  ...CREATING_PROCESSES,
  ...PROCESS_CREATION_TEMPLATES,
  ...FORK_TREE_TEMPLATES,
  ...SCHEDULING_BASICS,
  ...LINUX_FAIR_SCHEDULER,
  ...CGROUP_CPU_TEMPLATES,
  ...REAL_TIME,
  ...PRIORITY_INVERSION_TEMPLATES,
  ...DEADLINE_PREEMPTION_TEMPLATES,
  ...CONTEXT_SWITCH,
  ...USER_SPACE_SCHEDULING,
  ...THREAD_MODELS_TEMPLATES,
  ...THREAD_PER_REQUEST,
];

/** A lesson's easiest questions, for its "Practise now" list: lowest difficulty first, then bank order. */
export function easiestTemplates(topic: string, count: number): { slug: string; title: string; difficulty: number }[] {
  return BUILT_IN_TEMPLATES.filter((t) => t.topic === topic)
    .map((t, i) => ({ slug: t.slug, title: t.title, difficulty: t.difficulty, i }))
    .sort((a, b) => a.difficulty - b.difficulty || a.i - b.i)
    .slice(0, count)
    .map(({ slug, title, difficulty }) => ({ slug, title, difficulty }));
}
