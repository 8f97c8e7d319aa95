// Demo accounts seeded for local use; shown on the sign-in page when demo mode is on.
export const DEMO_ACCOUNTS = [
  { email: "student@example.com", password: "student-demo-pass", name: "Sam Student", role: "STUDENT" },
  { email: "instructor@example.com", password: "instructor-demo-pass", name: "Ira Instructor", role: "INSTRUCTOR" },
] as const;

/** Demo mode (seeded accounts listed on the sign-in page) is on unless TIMESLICE_DEMO=0. */
export function demoMode(): boolean {
  return process.env.TIMESLICE_DEMO !== "0";
}
