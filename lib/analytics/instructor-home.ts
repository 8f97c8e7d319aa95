// What the instructor home shows (lib/server/dal/instructor-home.ts builds it; the page only renders it).
import type { ClassSummaryDto, ProblemReportDto } from "./dto";

export interface DueAssignment {
  id: string;
  classId: string;
  className: string;
  title: string;
  dueAt: string;
  questions: number;
}

export interface WeakQuestion {
  classId: string;
  className: string;
  slug: string;
  title: string;
  students: number;
  discrimination: number;
}

export interface InstructorHome {
  classes: ClassSummaryDto[];
  dueSoon: DueAssignment[];
  /** Unresolved reports, newest first (at most OPEN_REPORTS), and how many are open in all. */
  openReports: ProblemReportDto[];
  openReportCount: number;
  worstDiscrimination: WeakQuestion[];
}
