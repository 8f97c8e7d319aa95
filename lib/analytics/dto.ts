// DTOs of classes, analytics, regrade and reports: plain JSON shared by the DAL, routes and client
// components (which must not import lib/server).
import type { ItemStats } from "./item-stats";
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

export interface AssignmentDto {
  id: string;
  classId: string;
  className: string;
  title: string;
  dueAt: string | null;
  questions: { slug: string; title: string; bestScore: number | null; attempts: number }[];
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

export interface QuestionAnalyticsDto {
  slug: string;
  title: string;
  type: string;
  topic: string;
  stats: ItemStats;
  wrongAnswers: WrongAnswerGroupDto[];
}

export interface ClassQuestionRow {
  slug: string;
  title: string;
  /** Students of the class who answered it, and their mean best score. */
  students: number;
  meanBest: number | null;
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
  /** Per assigned question slug: the best score, null if not tried. */
  assigned: Record<string, number | null>;
}

export interface ClassProgressDto {
  classId: string;
  className: string;
  topics: { slug: string; short: string }[];
  students: ClassStudentProgress[];
  questions: ClassQuestionRow[];
}
