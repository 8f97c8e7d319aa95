// The prerequisite map: the concepts an exercise needs, and the lesson section that teaches each one.
// A template needs the concepts its generator implies (the policy it runs, the metrics it asks for, I/O in
// its workload, its answer kind) and the concepts its tags name. Every concept names one lesson section and
// the term that section must define, so "the exercise asks for waiting time but no lesson says what it is"
// is a failing test (lib/lessons/prerequisites.test.ts), not a student's surprise.
import type { QuestionTemplate } from "@/lib/engine/questions";
import type { LessonSlug } from "./registry";

/** Where a concept is taught: a lesson section that must say the concept's defining words. */
export interface Place {
  lesson: LessonSlug;
  /** The start of the `## ` heading of the section that teaches it ("" for the text before the first heading). */
  section: string;
  /** The section must contain this, or it does not teach the concept. */
  term: RegExp;
}

export interface Concept extends Place {
  /** What a student would call it. */
  label: string;
  /** Other sections that teach it too (an earlier lesson may introduce what a later one develops). */
  also?: readonly Place[];
}

const basics = (section: string, label: string, term: RegExp): Concept => ({
  label,
  lesson: "scheduling-basics",
  section,
  term,
});
const MEASURE = "Measuring a schedule";

export const CONCEPTS = {
  turnaround: basics(MEASURE, "turnaround time", /turnaround time\*?\*? = completion − arrival/i),
  waiting: basics(MEASURE, "waiting time", /waiting time\*?\*? = /i),
  response: basics(MEASURE, "response time", /response time\*?\*? = first run − arrival/i),
  fifo: basics("FIFO, SJF and STCF", "FIFO", /\*\*FIFO\*\*/),
  convoy: basics("FIFO, SJF and STCF", "the convoy effect", /convoy effect/),
  sjf: basics("FIFO, SJF and STCF", "SJF", /\*\*SJF\*\*/),
  stcf: basics("FIFO, SJF and STCF", "STCF", /\*\*STCF\*\*/),
  preemption: basics("FIFO, SJF and STCF", "preemption", /preempts/),
  priority: basics("Priority scheduling", "static priority scheduling", /preemptive priority/i),
  rr: basics("Round-robin and the quantum", "round-robin", /\*\*Round-robin\*\*/),
  quantum: basics("Round-robin and the quantum", "the quantum", /quantum/),
  io: basics("I/O: overlap", "overlapping I/O with computation", /overlap/),
  mlfq: basics("MLFQ", "MLFQ", /multi-level feedback queue/i),
  boost: basics("MLFQ", "the priority boost", /priority boost/),
  allotment: basics("MLFQ", "the allotment", /allotment/),
  tickets: basics("Proportional share", "lottery tickets", /tickets/),
  stride: basics("Proportional share", "stride scheduling", /\*\*stride\*\*/i),
  nice: {
    label: "nice values and weights",
    lesson: "linux-fair-scheduler",
    section: "nice values become weights",
    term: /weight/,
  },
  vruntime: { label: "virtual runtime", lesson: "linux-fair-scheduler", section: "Virtual runtime", term: /vruntime/ },
  cfs: {
    label: "CFS",
    lesson: "linux-fair-scheduler",
    section: "CFS",
    term: /smallest vruntime|lowest vruntime|furthest behind/i,
  },
  eevdf: { label: "EEVDF", lesson: "linux-fair-scheduler", section: "EEVDF", term: /eligible/i },
  lag: { label: "lag and eligibility", lesson: "linux-fair-scheduler", section: "EEVDF", term: /lag/ },
  tick: {
    label: "decisions at ticks and wakeups",
    lesson: "linux-fair-scheduler",
    section: "Decisions happen at events",
    term: /tick/,
  },
  cgroup: { label: "cgroup CPU control", lesson: "linux-fair-scheduler", section: "Containers", term: /cpu\.max/ },
  rt: { label: "SCHED_FIFO and SCHED_RR", lesson: "real-time", section: "SCHED_FIFO and SCHED_RR", term: /SCHED_FIFO/ },
  throttling: {
    label: "RT throttling",
    lesson: "real-time",
    section: "Starvation and RT throttling",
    term: /throttl/i,
  },
  inversion: { label: "priority inversion", lesson: "real-time", section: "Priority inversion", term: /inheritance/ },
  deadline: { label: "SCHED_DEADLINE", lesson: "real-time", section: "SCHED_DEADLINE", term: /EDF|earliest deadline/i },
  fork: {
    label: "fork()",
    lesson: "creating-processes",
    section: "fork(): one call, two returns",
    term: /returns \*\*twice\*\*/,
    also: [
      {
        lesson: "processes-threads",
        section: "Signals and threads",
        term: /`fork\(\)` in a threaded process|only the calling thread/,
      },
    ],
  },
  exec: { label: "exec()", lesson: "creating-processes", section: "exec(): replace the image", term: /never returns/ },
  stdio: {
    label: "buffered output and fork",
    lesson: "creating-processes",
    section: "exec(): replace the image",
    term: /stdio/,
  },
  wait: {
    label: "wait(), zombies and orphans",
    lesson: "creating-processes",
    section: "wait(), zombies and orphans",
    term: /zombie/,
    also: [
      {
        lesson: "processes-threads",
        section: "Process states and the load average",
        term: /zombie \| exited, waiting for its parent's `wait\(\)`/,
      },
    ],
  },
  clone: {
    label: "vfork, posix_spawn and clone",
    lesson: "creating-processes",
    section: "Beyond fork",
    term: /clone/,
    also: [{ lesson: "processes-threads", section: "", term: /A thread is a task created with `clone\(\)`/ }],
  },
  threads: { label: "what threads share", lesson: "processes-threads", section: "What threads share", term: /share/ },
  races: {
    label: "race conditions and lost updates",
    lesson: "processes-threads",
    section: "Races and locks",
    term: /race condition/,
  },
  locks: {
    label: "spin locks: test-and-set, ticket locks",
    lesson: "processes-threads",
    section: "Races and locks",
    term: /test-and-set/,
  },
  deadlock: {
    label: "deadlock and lock ordering",
    lesson: "processes-threads",
    section: "Races and locks",
    term: /single global order for taking locks/,
  },
  states: {
    label: "process states",
    lesson: "processes-threads",
    section: "Process states and the load average",
    term: /load average/,
  },
  signals: {
    label: "signals and threads",
    lesson: "processes-threads",
    section: "Signals and threads",
    term: /signal/,
  },
  switchCost: { label: "the direct cost of a switch", lesson: "context-switch", section: "Direct cost", term: /µs/ },
  tlb: { label: "CR3, the TLB and PCID", lesson: "context-switch", section: "CR3, the TLB and PCID", term: /PCID/ },
  eventLoop: {
    label: "Node's event loop phases and microtasks",
    lesson: "user-space-scheduling",
    section: "Node.js: one loop",
    term: /nextTick/,
  },
  goroutines: {
    label: "goroutines and M:N scheduling",
    lesson: "user-space-scheduling",
    section: "Go: goroutines",
    term: /multiplexes many goroutines/,
    also: [{ lesson: "context-switch", section: "Direct cost", term: /Goroutine switch/ }],
  },
  entity: {
    label: "each thread is scheduled on its own",
    lesson: "processes-threads",
    section: "",
    term: /The scheduler does not care/,
  },
  virtualThreads: {
    label: "virtual threads",
    lesson: "user-space-scheduling",
    section: "Java virtual threads",
    term: /virtual thread/i,
  },
  threadMemory: {
    label: "what limits the number of threads",
    lesson: "thread-per-request",
    section: "What really limits the number of threads",
    term: /stack/,
  },
  littlesLaw: {
    label: "Little's law",
    lesson: "thread-per-request",
    section: "The real ceiling",
    term: /Little's law/,
  },
} satisfies Record<string, Concept>;

export type ConceptId = keyof typeof CONCEPTS;

/**
 * Tags that name a concept. Every tag of the bank is either here or in TOPIC_WORD_TAGS, so a new tag is a
 * decision (does a lesson teach it?) rather than a silent gap.
 */
export const TAG_CONCEPTS: Record<string, ConceptId> = {
  turnaround: "turnaround",
  waiting: "waiting",
  "response-time": "response",
  metrics: "turnaround",
  fifo: "fifo",
  convoy: "convoy",
  sjf: "sjf",
  stcf: "stcf",
  preemption: "preemption",
  priority: "priority",
  rr: "rr",
  quantum: "quantum",
  timeslice: "quantum",
  io: "io",
  overlap: "io",
  mlfq: "mlfq",
  boost: "boost",
  allotment: "allotment",
  gaming: "allotment",
  tickets: "tickets",
  "proportional-share": "tickets",
  stride: "stride",
  nice: "nice",
  weights: "nice",
  shares: "nice",
  sched_idle: "nice",
  vruntime: "vruntime",
  sleeper: "vruntime",
  cfs: "cfs",
  eevdf: "eevdf",
  lag: "lag",
  tick: "tick",
  cgroup: "cgroup",
  "cpu.max": "cgroup",
  "cpu.weight": "cgroup",
  "pids.max": "cgroup",
  containers: "cgroup",
  kubernetes: "cgroup",
  rt: "rt",
  sched_fifo: "rt",
  sched_rr: "rt",
  "rt-priority": "rt",
  classes: "rt",
  "fair-server": "throttling",
  "deadline-server": "throttling",
  "6.12": "throttling",
  "priority-inversion": "inversion",
  "priority-inheritance": "inversion",
  "priority-ceiling": "inversion",
  "prio-protect": "inversion",
  "mars-pathfinder": "inversion",
  sched_deadline: "deadline",
  edf: "deadline",
  cbs: "deadline",
  "admission-control": "deadline",
  fork: "fork",
  "output-order": "fork",
  "process-tree": "fork",
  "race-condition": "races",
  "lost-update": "races",
  "mutual-exclusion": "locks",
  "test-and-set": "locks",
  spinlock: "locks",
  "ticket-lock": "locks",
  "fetch-and-add": "locks",
  fairness: "locks",
  "lock-ordering": "deadlock",
  loop: "fork",
  "short-circuit": "fork",
  pipe: "stdio",
  printf: "stdio",
  stdio: "stdio",
  buffering: "stdio",
  exec: "exec",
  wait: "wait",
  zombie: "wait",
  orphan: "wait",
  _exit: "wait",
  lifecycle: "wait",
  clone: "clone",
  vfork: "clone",
  posix_spawn: "clone",
  "copy-on-write": "fork",
  "scheduling-entity": "entity",
  threads: "threads",
  "address-space": "threads",
  pthread: "threads",
  pthread_exit: "threads",
  main: "threads",
  exit: "threads",
  crash: "threads",
  isolation: "threads",
  sigsegv: "signals",
  deadlock: "deadlock",
  "process-states": "states",
  "load-average": "states",
  "d-state": "states",
  "exponential-decay": "states",
  signals: "signals",
  "async-signal-safe": "signals",
  pthread_sigmask: "signals",
  "context-switch": "switchCost",
  overhead: "switchCost",
  registers: "switchCost",
  "kernel-stack": "switchCost",
  syscall: "switchCost",
  "indirect-cost": "tlb",
  cache: "tlb",
  "working-set": "tlb",
  tlb: "tlb",
  pcid: "tlb",
  cr3: "tlb",
  "event-loop": "eventLoop",
  microtasks: "eventLoop",
  nexttick: "eventLoop",
  setimmediate: "eventLoop",
  settimeout: "eventLoop",
  timers: "eventLoop",
  await: "eventLoop",
  async: "eventLoop",
  libuv: "eventLoop",
  "thread-pool": "eventLoop",
  crypto: "eventLoop",
  nondeterminism: "eventLoop",
  goroutines: "goroutines",
  goroutine: "goroutines",
  "m-n": "goroutines",
  "m-to-n": "goroutines",
  netpoller: "goroutines",
  "virtual-threads": "virtualThreads",
  jdk21: "virtualThreads",
  pinning: "virtualThreads",
  capacity: "threadMemory",
  memory: "threadMemory",
  stack: "threadMemory",
  rss: "threadMemory",
  limits: "threadMemory",
  max_map_count: "threadMemory",
  pid_max: "threadMemory",
  "littles-law": "littlesLaw",
  sizing: "littlesLaw",
};

/** Tags that describe a question (its source, its style, a system it mentions) rather than a concept it needs. */
export const TOPIC_WORD_TAGS: ReadonlySet<string> = new Set([
  "classic",
  "interview",
  "history",
  "measured",
  "textbook",
  "basics",
  "linux",
  "kernel",
  "node",
  "java",
  "python",
  "arithmetic",
  "arrivals",
  "timeline",
  "latency",
  "processes",
  "pid",
  "task_struct",
  // RT throttling or a cgroup's cpu.max: the generator (throttle) or the other tags say which.
  "throttling",
  "1-to-1",
  "green-threads",
  "linuxthreads",
  "nptl",
  "user-threads",
  "gil",
  "free-threading",
  "preempt_lazy",
  "preempt_rt",
  "vxworks",
  "comparison",
  "computed",
  // Kept out of mock interviews (a figure to recall, not a reason to give): lib/progress/mock.ts.
  "trivia",
  // Words whose concept depends on the question (scheduler or lock starvation; threads or timer ticks
  // interleaving; a mutex in a race or in priority inversion): the question's other tags say which.
  "starvation",
  "interleaving",
  "mutex",
]);

type Generator = { policy?: unknown; ask?: readonly { metric?: string }[] };

/**
 * Templates whose generator implies a concept the question does not need, each with the reason. Kept
 * short and explicit: an exception is a claim a reviewer can check against the prompt.
 */
export const PREREQUISITE_EXCEPTIONS: Record<string, { drop: readonly ConceptId[]; because: string }> = {
  "threads-scheduled-individually": {
    drop: ["eevdf", "vruntime", "nice"],
    because:
      "every thread is at nice 0 with no grouping, so the answer needs only that each thread is scheduled on its own (equal shares), not how EEVDF picks",
  },
};

function policyNames(policy: unknown): string[] {
  const list = Array.isArray(policy) ? policy : policy === undefined ? [] : [policy];
  return list.map((p) => (typeof p === "string" ? p : typeof p === "object" && p && "name" in p ? String(p.name) : ""));
}

const POLICY_CONCEPTS: Record<string, ConceptId[]> = {
  fifo: ["fifo"],
  sjf: ["sjf"],
  stcf: ["stcf", "preemption"],
  rr: ["rr", "quantum"],
  priority: ["priority"],
  mlfq: ["mlfq", "allotment"],
  lottery: ["tickets"],
  stride: ["stride"],
  cfs: ["cfs", "vruntime", "nice"],
  eevdf: ["eevdf", "vruntime", "nice"],
};
const METRIC_CONCEPTS: Record<string, ConceptId> = {
  turnaround: "turnaround",
  waiting: "waiting",
  response: "response",
};
const TYPE_CONCEPTS: Partial<Record<QuestionTemplate["type"], ConceptId[]>> = {
  eventloop: ["eventLoop"],
  capacity: ["threadMemory"],
  "switch-cost": ["switchCost"],
  race: ["races"],
};

/** Why a template needs a concept: so a failing test can say where the need came from. */
export interface ConceptNeed {
  concept: ConceptId;
  because: string;
}

export function conceptsOf(template: QuestionTemplate): ConceptNeed[] {
  const needs: ConceptNeed[] = [];
  const add = (concept: ConceptId, because: string) => {
    if (!needs.some((n) => n.concept === concept)) needs.push({ concept, because });
  };
  const generator = ("generator" in template ? template.generator : undefined) as Generator | undefined;
  if (generator && typeof generator === "object") {
    for (const name of policyNames(generator.policy))
      for (const c of POLICY_CONCEPTS[name] ?? []) add(c, `its generator runs ${name}`);
    if (JSON.stringify(generator.policy ?? null).includes('"throttle"'))
      add("throttling", "its generator throttles RT tasks");
    for (const part of generator.ask ?? []) {
      const c = part.metric ? METRIC_CONCEPTS[part.metric] : undefined;
      if (c) add(c, `it asks for ${part.metric} time`);
    }
    if (JSON.stringify(generator).includes('"io')) add("io", "its workload has I/O");
  }
  for (const c of TYPE_CONCEPTS[template.type] ?? []) add(c, `it is a ${template.type} question`);
  for (const tag of template.tags ?? []) {
    const c = TAG_CONCEPTS[tag];
    if (c) add(c, `it is tagged ${tag}`);
  }
  const dropped = PREREQUISITE_EXCEPTIONS[template.slug]?.drop ?? [];
  return needs.filter((n) => !dropped.includes(n.concept));
}

/** `## ` sections of a lesson's Markdown, heading → text (up to the next `## `). */
export function lessonSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  let heading: string | null = "";
  let body: string[] = [];
  for (const line of markdown.split("\n")) {
    if (line.startsWith("## ")) {
      if (heading !== null) sections.set(heading, body.join("\n"));
      heading = line.slice(3).trim();
      body = [];
    } else body.push(line);
  }
  if (heading !== null) sections.set(heading, body.join("\n"));
  return sections;
}

/** The first place that teaches a concept (with its lesson), or why none does. */
export function findTeachingSection(
  concept: Concept,
  lessons: ReadonlyMap<string, string>,
): { lesson: LessonSlug; heading: string } | { problem: string } {
  const problems: string[] = [];
  for (const place of [concept, ...(concept.also ?? [])]) {
    const markdown = lessons.get(place.lesson);
    if (markdown === undefined) {
      problems.push(`lesson '${place.lesson}' does not exist`);
      continue;
    }
    const sections = [...lessonSections(markdown)].filter(([heading]) =>
      place.section === "" ? heading === "" : heading.startsWith(place.section),
    );
    const teaching = sections.find(([, text]) => place.term.test(text));
    if (teaching) return { lesson: place.lesson, heading: teaching[0] };
    problems.push(
      sections.length === 0
        ? `lesson '${place.lesson}' has no section '${place.section}…'`
        : `section '${sections[0]![0] || "(intro)"}' of '${place.lesson}' never says ${place.term}`,
    );
  }
  return { problem: problems.join("; ") };
}

/** Every place that teaches a concept: the earliest lesson among them is when a student has met it. */
export function teachingLessons(concept: Concept, lessons: ReadonlyMap<string, string>): LessonSlug[] {
  return [concept, ...(concept.also ?? [])]
    .filter((place) => !("problem" in findTeachingSection({ ...place, label: concept.label }, lessons)))
    .map((place) => place.lesson);
}
