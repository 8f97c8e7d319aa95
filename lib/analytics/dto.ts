// DTOs of classes, analytics, regrade and reports: plain JSON shared by the DAL, routes and client
// components (which must not import lib/server).
import type { ItemStats } from "./item-stats";
import type { MisconceptionCountDto } from "./misconceptions";
import type { WrongAnswerGroupDto } from "./wrong-answers";

export interface ClassSummaryDto {
  id: string;
  name: string;
  joinCode: string;
  students: number;
  assignments: number;
  createdAt: string;
  /** Archived classes are hidden from their students and cannot be joined. */
  archived: boolean;
}

/** An assignment's assessment mode (see lib/analytics/assessment.ts). */
export interface AssignmentRulesDto {
  maxAttempts: number | null;
  reveal: "after-attempt" | "after-due" | "never";
  latePolicy: "accept" | "close";
  latePenalty: number;
  /** Fraction of a question's credit each opened hint takes off, at most hintPenaltyMax in total. */
  hintPenalty: number;
  hintPenaltyMax: number;
}

export interface AssignmentDto {
  id: string;
  classId: string;
  className: string;
  title: string;
  dueAt: string | null;
  createdAt: string;
  rules: AssignmentRulesDto;
  /** For the student's own view: per question their credit in this assignment (best score less late penalties). */
  questions: { slug: string; title: string; bestScore: number | null; attempts: number }[];
  /** The student's grade (mean credit, untried questions 0); null before any attempt or in the lecturer's view. */
  grade: number | null;
}

export interface ClassDetailDto extends ClassSummaryDto {
  members: { id: string; name: string; email: string; joinedAt: string }[];
  assignmentList: AssignmentDto[];
}

export interface JoinedClassDto {
  id: string;
  name: string;
  instructorName: string;
}

export interface MyClassesDto {
  classes: JoinedClassDto[];
  assignments: AssignmentDto[];
}

export interface RegradeRowDto {
  attemptId: string;
  studentId: string;
  studentName: string;
  attemptNumber: number;
  fromVersion: number;
  oldScore: number;
  newScore: number | null;
  /** Why the stored answer could not be graded with the new version, if so (it is left as it is). */
  problem?: string;
}

export interface DryRunDto {
  slug: string;
  toVersion: number;
  total: number;
  rows: RegradeRowDto[];
  students: { id: string; name: string; attempts: number; oldMean: number; newMean: number }[];
}

export interface RegradeJobDto {
  id: string;
  classId: string;
  status: "running" | "done";
  total: number;
  done: number;
  changed: number;
}

export interface ProblemReportDto {
  id: string;
  slug: string;
  questionTitle: string;
  studentName: string;
  variantId: string;
  seed: number;
  message: string;
  resolved: boolean;
  createdAt: string;
}

export interface AnalyticsScopeDto {
  kind: "class" | "assignment" | "none";
  id: string | null;
  label: string;
}

export interface QuestionAnalyticsDto {
  slug: string;
  title: string;
  type: string;
  topic: string;
  /** Whose attempts these are: one class's members, or one assignment's; never the whole platform. */
  scope: AnalyticsScopeDto;
  /** The scopes the lecturer may pick (their classes and those classes' assignments). */
  scopes: AnalyticsScopeDto[];
  stats: ItemStats;
  /** Students in the scope who answered it. */
  students: number;
  /** From first attempts, null below minDiscriminationN students. */
  discrimination: number | null;
  pointBiserial: number | null;
  minDiscriminationN: number;
  wrongAnswers: WrongAnswerGroupDto[];
  /** Issue #21: students of the scope whose answer was exactly a catalogued misconception, most held first. */
  misconceptions: MisconceptionCountDto[];
}

/** One question of one assignment in the class table. */
export interface ClassQuestionRow {
  /** `${assignmentId}:${slug}`: a question may be in several assignments. */
  key: string;
  assignmentId: string;
  assignmentTitle: string;
  slug: string;
  title: string;
  /** Students of the class who answered it in this assignment, and their mean credit. */
  students: number;
  meanBest: number | null;
  /** Mean score of the students' first attempts in the assignment. */
  firstMean: number | null;
  /** From first attempts, null below minDiscriminationN students (see lib/analytics/discrimination.ts). */
  discrimination: number | null;
  pointBiserial: number | null;
}

/** One student's progress, from their QuestionBest rows (best score per question over all attempts). */
export interface ClassStudentProgress {
  id: string;
  name: string;
  email: string;
  /** Attempts at any question, and the questions tried and answered correctly at least once. */
  attempts: number;
  tried: number;
  solved: number;
  /** Mean best score over the questions tried; null before any attempt. */
  meanBest: number | null;
  /** Per topic slug: mean best score over the topic's questions tried; null if none. */
  topics: Record<string, number | null>;
  /** Per ClassQuestionRow key: the credit earned in that assignment, null if not tried there. */
  assigned: Record<string, number | null>;
  /** Per assignment id: the assignment grade (assessment rules applied), null before any attempt. */
  grades: Record<string, number | null>;
}

export interface ClassProgressDto {
  classId: string;
  className: string;
  topics: { slug: string; short: string }[];
  students: ClassStudentProgress[];
  assignments: { id: string; title: string; dueAt: string | null; rules: AssignmentRulesDto }[];
  questions: ClassQuestionRow[];
  minDiscriminationN: number;
}
