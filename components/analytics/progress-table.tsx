import Link from "next/link";
import type { ClassProgressDto } from "@/lib/analytics/dto";

const pct = (x: number | null | undefined) => (x === null || x === undefined ? "—" : `${Math.round(x * 100)}%`);
const fixed = (x: number | null) => (x === null ? "—" : x.toFixed(2));

export function ClassProgressTable({ progress }: { progress: ClassProgressDto }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Progress by student and topic">
        <thead>
          <tr className="text-left">
            <th>Student</th>
            <th>Attempts</th>
            <th title="Questions tried / answered correctly">Solved</th>
            <th title="Mean best score over the questions tried">Mean best</th>
            {progress.topics.map((t) => (
              <th key={t.slug}>{t.short}</th>
            ))}
            {progress.assignments.map((a) => (
              <th key={a.id} title="Assignment grade: its rules applied (attempts on its own variants, late penalty)">
                {a.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {progress.students.map((s) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td>{s.attempts}</td>
              <td>
                {s.solved}/{s.tried}
              </td>
              <td>{pct(s.meanBest)}</td>
              {progress.topics.map((t) => (
                <td key={t.slug}>{pct(s.topics[t.slug])}</td>
              ))}
              {progress.assignments.map((a) => (
                <td key={a.id} data-testid={`grade-${a.id}-${s.id}`}>
                  {pct(s.grades[a.id])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ClassQuestionsTable({ progress }: { progress: ClassProgressDto }) {
  return (
    <table className="w-full text-sm" aria-label="Assigned questions">
      <thead>
        <tr className="text-left">
          <th>Assignment</th>
          <th>Question</th>
          <th>Students</th>
          <th title="Mean credit in the assignment">Mean credit</th>
          <th title="Mean score of first attempts">First try</th>
          <th title={`Upper-lower 27% index of first attempts; shown from ${progress.minDiscriminationN} students`}>
            D
          </th>
          <th
            title={`Point-biserial correlation of first attempts; shown from ${progress.minDiscriminationN} students`}
          >
            r
          </th>
          <th />
        </tr>
      </thead>
      <tbody>
        {progress.questions.map((q) => (
          <tr key={q.key}>
            <td>{q.assignmentTitle}</td>
            <td>{q.title}</td>
            <td>{q.students}</td>
            <td>{pct(q.meanBest)}</td>
            <td>{pct(q.firstMean)}</td>
            <td>
              {q.students < progress.minDiscriminationN ? (
                <span title={`needs ${progress.minDiscriminationN} students`}>
                  n &lt; {progress.minDiscriminationN}
                </span>
              ) : (
                fixed(q.discrimination)
              )}
            </td>
            <td>{q.students < progress.minDiscriminationN ? "—" : fixed(q.pointBiserial)}</td>
            <td className="flex gap-3">
              <Link className="underline" href={`/teach/analytics/${q.slug}?scope=assignment:${q.assignmentId}`}>
                Analytics
              </Link>
              <Link className="underline" href={`/teach/regrade?classId=${progress.classId}&slug=${q.slug}`}>
                Regrade
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
