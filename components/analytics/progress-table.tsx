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
          <th>Question</th>
          <th>Students</th>
          <th>Mean best</th>
          <th title="Upper-lower 27% index">D</th>
          <th title="Point-biserial correlation">r</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {progress.questions.map((q) => (
          <tr key={q.slug}>
            <td>{q.title}</td>
            <td>{q.students}</td>
            <td>{pct(q.meanBest)}</td>
            <td>{fixed(q.discrimination)}</td>
            <td>{fixed(q.pointBiserial)}</td>
            <td className="flex gap-3">
              <Link className="underline" href={`/teach/analytics/${q.slug}`}>
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
