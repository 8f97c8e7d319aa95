// Public surface of the question engine: templates, seeded variants, answer checking and grading.
export type * from "./types";
export { validateTemplate, TOPIC_SLUGS } from "./template";
export { scorePercent, TEMPLATE_DEFAULT_GRADING } from "./grading";
export { buildVariant, explanationFor, referenceAnswer } from "./variant";
export { hintLadder } from "./hints";
export { checkAnswer } from "./check";
export { gradeAnswer } from "./grade";
export { perturbAnswer } from "./perturb";
export { selfTestTemplate } from "./selftest";
export type { SelfTestOptions, SelfTestResult } from "./selftest";
export { QUESTION_TYPES } from "./registry";
export { EXAMPLE_TEMPLATES } from "./examples";
/** The reserved slot values of a timeline answer besides task ids. */
export { ruleWords } from "./rule-words";
export { IDLE as TIMELINE_IDLE, SWITCH as TIMELINE_SWITCH, slotsFromSim } from "./timeline";
export { SCHEDULE_MISCONCEPTIONS } from "./misconceptions/schedule";
export { FORK_MISCONCEPTIONS } from "./misconceptions/process";
export { discriminateSeed, MISCONCEPTION_IDS, preferDiscriminatingSeed } from "./discriminate";
// Fork-tree answers: the shapes the tree builder and its feedback draw, and the matching they share.
export { decodeTree, matchTrees } from "./kinds/fork-tree";
export type { NodeMark, TreeNode, TreePart } from "./kinds/fork-tree";
export { MAX_IMAGES } from "./images";
