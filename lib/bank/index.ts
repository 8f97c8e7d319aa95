// The built-in question bank, seeded into the database on first start (lib/bank/seed-bank.ts): one file
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

export const BUILT_IN_TEMPLATES: readonly QuestionTemplate[] = [...PROCESSES_THREADS, ...CREATING_PROCESSES, ...SCHEDULING_BASICS, ...LINUX_FAIR_SCHEDULER, ...REAL_TIME, ...CONTEXT_SWITCH, ...USER_SPACE_SCHEDULING, ...THREAD_PER_REQUEST];
