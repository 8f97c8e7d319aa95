// The contract between question templates, the grader, the server and the answer UI.
// A template + a seed determine a variant forever. The variant has two halves: the VIEW, which is all
// the browser may see before the answer is submitted, and the KEY, which stays on the server until then.
// Everything is plain JSON so it can be stored in a database column and sent to the browser unchanged.

export type QuestionType =
  "schedule" | "metrics" | "switch-cost" | "process" | "eventloop" | "capacity" | "concept" | "race";

/** The eight lessons; every template belongs to one. */
export type TopicSlug =
  | "processes-threads"
  | "creating-processes"
  | "scheduling-basics"
  | "linux-fair-scheduler"
  | "real-time"
  | "context-switch"
  | "user-space-scheduling"
  | "thread-per-request";

/**
 * A lecturer-defined topic's slug (issue #24): any kebab-case slug that is not one of the eight. The
 * engine only checks its shape; the server checks that the topic exists and that the author may use it.
 */
export type CustomTopicSlug = string & { readonly customTopic?: never };

export type Difficulty = 1 | 2 | 3 | 4 | 5;

export type ScheduleScoring = "per-slot" | "segment-lcs" | "strict-prefix";

export interface GradingSettings {
  /** How timeline parts are scored (default per-slot). */
  scheduleScoring: ScheduleScoring;
  /** Relative tolerance for numeric parts, e.g. 0.01 = 1% (default 0). */
  relativeTolerance: number;
  /** Absolute tolerance for numeric parts, in the part's unit (default 0). */
  absoluteTolerance: number;
  /** Credit (0..1) for an answer that is exactly right under another common convention (default 0.5). */
  conventionCredit: number;
  /** Maximum graded attempts per variant; null = unlimited. */
  maxAttempts: number | null;
  /** The n-th hint unlocks after n × this many graded attempts (default 0: every hint before the first attempt). */
  hintAfterAttempts: number;
}

/**
 * An authored question. `generator` is type-specific (see questions/kinds/*) and may hold fixed values
 * or ranges/choices drawn from the seed. `prompt` is Markdown; `{{name}}` placeholders are filled from
 * the variant's parameters.
 */
export interface QuestionTemplate {
  /** Stable identifier, kebab-case, unique in a bank. */
  slug: string;
  title: string;
  type: QuestionType;
  topic: TopicSlug | CustomTopicSlug;
  tags: string[];
  difficulty: Difficulty;
  prompt: string;
  generator: Record<string, unknown>;
  grading: GradingSettings;
  hints: string[];
  /** Worked explanation shown after submission (Markdown). */
  explanation: string;
  /** Pictures shown with the prompt (see images.ts); absent when there are none. */
  images?: TemplateImage[];
}

/** An image uploaded with a question: a PNG/JPEG/GIF/WebP as a base64 data: URL, with its alt text. */
export interface TemplateImage {
  name: string;
  alt: string;
  dataUrl: string;
}

/** What the answer form must collect; one entry per part of the question. */
export type AnswerPartSpec =
  | {
      kind: "timeline";
      id: string;
      label: string;
      /** Tasks that may be painted into a slot, in display order. */
      tasks: { id: string; label: string }[];
      slotMs: number;
      slots: number;
      allowIdle: boolean;
      /** Whether a slot may be marked as context-switch overhead ("cs"). */
      allowSwitch: boolean;
    }
  | {
      kind: "number";
      id: string;
      label: string;
      /** The unit the answer is graded in; the input also accepts convertible units (e.g. "4 ms" → 4000 µs). */
      unit: NumberUnit;
      /** Shown under the input, e.g. "to two decimal places". */
      hint?: string;
      /** The answer is always a whole number (a count of things), whatever the seed: the form says so. */
      integer?: boolean;
    }
  | {
      kind: "order";
      id: string;
      label: string;
      /** Items to arrange; ids are unique even when labels repeat (e.g. the same line printed twice). */
      items: { id: string; label: string }[];
    }
  | {
      kind: "choice";
      id: string;
      label: string;
      options: { id: string; label: string }[];
      multiple: boolean;
    }
  | {
      /**
       * A process tree the student draws (issue #14): the answer lists the processes as
       * "<parent index>:<label id>", the first process first (see kinds/fork-tree.ts).
       */
      kind: "tree";
      id: string;
      label: string;
      /** "prints": each process is labelled with the line it prints; "fork": with the fork() call that made it. */
      labelling: "prints" | "fork";
      /** The labels a process can be given; every option is readable from the program, none gives the tree away. */
      labels: { id: string; label: string }[];
      /** The first process's fixed label, when it has one (it was not made by any fork). */
      rootLabel?: { id: string; label: string };
      /** Most processes the student may draw. */
      maxNodes: number;
    };

export type NumberUnit = "ms" | "us" | "ns" | "s" | "percent" | "count" | "MiB" | "KiB" | "GiB" | "req/s";

/** The workload (or program) the student reasons about, as shown beside the answer form. */
export type VariantExhibit =
  | { kind: "table"; caption: string; columns: string[]; rows: (string | number)[][] }
  | { kind: "code"; caption: string; language: "c" | "javascript" | "text"; source: string };

export interface VariantView {
  type: QuestionType;
  title: string;
  /** Markdown with parameters filled in. */
  prompt: string;
  exhibits: VariantExhibit[];
  parts: AnswerPartSpec[];
  /** Conventions in force, in plain words, so the student is never graded on an unstated rule. */
  conventions: string[];
  /** The template's images, shown under the prompt; absent when there are none. */
  images?: { name: string; alt: string; src: string }[];
}

/** The secret half of a variant: enough to grade any answer without re-running generation. */
export interface AnswerKey {
  /** Per part id: the reference value (timeline slots, number, ordered item ids, chosen option ids). */
  expected: Record<string, AnswerValue>;
  /**
   * For parts with several correct answers (e.g. every valid output order of a fork program), all of
   * them or a checker name the kind uses to decide validity.
   */
  accepted?: Record<string, AnswerValue[]>;
  /** Type-specific data the grader and the replay need (e.g. the simulation result). */
  data: Record<string, unknown>;
}

/** Timeline answers: per slot a task id, "idle" or "cs" (switch overhead); null = not painted. */
export type TimelineValue = (string | null)[];
export type AnswerValue = TimelineValue | number | string[] | string;

export interface Answer {
  parts: Record<string, AnswerValue>;
}

export interface Variant {
  seed: number;
  view: VariantView;
  key: AnswerKey;
}

export interface PartGrade {
  id: string;
  label: string;
  /** 0..1 */
  score: number;
  /** Relative weight of the part in the total (default 1). */
  weight: number;
  /** One or two plain sentences. */
  message: string;
  /** Credit given for computing correctly from the student's own (wrong) schedule. */
  errorCarriedForward?: boolean;
  /**
   * Known misconceptions the (wrong) answer reproduces, most specific first (issue #21). Never set on a
   * right part. See lib/engine/questions/misconceptions.
   */
  misconceptions?: MisconceptionMatch[];
}

/** A catalogue misconception the answer reproduces, run through the engine to prove it. */
export interface MisconceptionMatch {
  /** Stable catalogue id, e.g. "sjf-for-stcf" (for tests and analytics). */
  id: string;
  /** Plain-words name, e.g. "non-preemptive SJF instead of STCF". */
  name: string;
  /** True when the whole answer is the misconception's; false when it follows it up to where it parts from the truth. */
  full: boolean;
  /** Timeline parts: the first slot where the misconception's schedule parts from the right one. */
  divergesAt?: { slot: number; time: number; expected: string; misconceived: string };
  /** One sentence naming it in the answer's terms ("Your schedule is exactly non-preemptive SJF."). */
  summary: string;
  /** One to three plain sentences built from the variant's own numbers (starts with `summary` for timelines). */
  explanation: string;
  /** Where the rule is stated (a textbook chapter), when one applies. */
  source?: string;
}

export interface FirstDivergence {
  /** Part id of the timeline, and the slot/time where the prediction first differs. */
  part: string;
  slot: number;
  time: number;
  expected: string;
  got: string | null;
  /**
   * Every runnable task at that instant (the engine's state at `time`, not at the last decision): the
   * one holding the CPU first, then the waiting ones in the policy's order, with the values the rule
   * compares (null: no end, as in DecisionValues).
   */
  ready: { task: string; values: Record<string, number | null> }[];
  /** The task holding the CPU (or being switched to) at `time`; null when idle. Absent in old reports. */
  running?: string | null;
  /** Tasks asleep in I/O at `time`, with when each wakes. */
  blocked?: { task: string; wakesAt: number }[];
  /** Internal rule id (for tests and logs; never shown to students — the message says it in words). */
  rule: string;
  /** One or two plain sentences: what ran, why, and why the prediction could not. */
  message: string;
}

export interface GradeReport {
  /** 0..1, weighted over parts. */
  score: number;
  correct: boolean;
  parts: PartGrade[];
  /** One or two plain sentences summarising the grade. */
  summary: string;
  firstDivergence?: FirstDivergence;
  /** Set when the answer matches another common convention exactly. */
  convention?: { name: string; description: string; credit: number };
  /** The full reference answer, per part, for display after submission. */
  reference: Record<string, AnswerValue>;
  /** Step-through data for schedule questions (slices, decisions, switch costs). */
  replay?: Record<string, unknown>;
}

export type ValidationIssue = { path: string; message: string };
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: ValidationIssue[] };
