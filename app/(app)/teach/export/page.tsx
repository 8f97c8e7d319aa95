import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import type { Carried, FormatPlan } from "@/lib/bank/exchange";
import { exportPlans } from "@/lib/server/dal/authoring-exchange";
import { requirePageTeacher } from "@/lib/server/dal/session";
import { bankFilterFromPage } from "@/lib/validation/questions";

export const metadata: Metadata = { title: "Export to Moodle XML or GIFT" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const VERDICT: Record<Carried, string> = { full: "in full", partial: "in part", none: "not exported" };
const VERDICT_CLASS: Record<Carried, string> = { full: "", partial: "font-medium", none: "font-medium text-danger" };

function Verdict({ plan, testId }: { plan: FormatPlan; testId: string }) {
  const details = [
    ...plan.parts.filter((p) => p.as === null).map((p) => `Left out “${p.label}”: ${p.note}.`),
    ...plan.parts.filter((p) => p.as !== null).map((p) => `“${p.label}” as ${p.as}${p.note ? ` (${p.note})` : ""}.`),
    ...plan.notes.map((n) => `${n.charAt(0).toUpperCase()}${n.slice(1)}.`),
  ];
  return (
    <td className="py-2 pr-4 align-top" data-testid={testId}>
      <span className={VERDICT_CLASS[plan.carried]}>{VERDICT[plan.carried]}</span>
      {details.length ? (
        <ul className="mt-1 list-disc pl-4 text-xs text-muted-foreground">
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
    </td>
  );
}

/**
 * Before a Moodle XML or GIFT download: per question, what each format keeps, changes or leaves out
 * (the same words go into the file's comments), so nothing is lost without the instructor knowing.
 */
export default async function ExportPage({ searchParams }: Props) {
  const user = await requirePageTeacher("/teach/export");
  const filter = bankFilterFromPage(await searchParams);
  const plans = await exportPlans(user, filter);
  const query = new URLSearchParams(Object.entries(filter).map(([k, v]) => [k, String(v)]));
  const download = (format: string) =>
    `/api/teach/questions/export?${new URLSearchParams([...query.entries(), ["format", format]])}`;
  const count = (format: "moodle" | "gift", carried: Carried) =>
    plans.filter((p) => p[format].carried === carried).length;

  return (
    <div className="flex flex-col gap-6">
      <Link href={`/teach${query.size ? `?${query}` : ""}`} className="text-sm underline">
        Question bank
      </Link>
      <h1 className="text-2xl font-bold">Export to Moodle XML or GIFT</h1>
      <p className="text-sm text-muted-foreground">
        Neither format has Timeslice&apos;s per-student variants or simulators: each question is written once, with its
        parameters drawn from seed 0, as the nearest question type that grades it the same way. What a format cannot
        carry is left out and listed here and in the file&apos;s comments. The JSON export on the bank page keeps
        everything.
      </p>

      {plans.length === 0 ? (
        <p className="text-sm">No questions match the bank&apos;s filter, so there is nothing to export.</p>
      ) : (
        <>
          <ul className="text-sm" data-testid="export-summary">
            <li>
              Moodle XML: {count("moodle", "full")} in full, {count("moodle", "partial")} in part,{" "}
              {count("moodle", "none")} not exported.
            </li>
            <li>
              GIFT: {count("gift", "full")} in full, {count("gift", "partial")} in part, {count("gift", "none")} not
              exported.
            </li>
          </ul>
          {count("moodle", "none") + count("gift", "none") > 0 ? (
            <p role="note" className="rounded-md border border-border bg-muted/50 p-3 text-sm">
              Some questions are not exported to one format or the other; the table says why. Timeline questions need
              Moodle XML (a cloze question); GIFT cannot hold them.
            </p>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <a href={download("moodle")} className={buttonClasses("primary")} download>
              Download Moodle XML
            </a>
            <a href={download("gift")} className={buttonClasses("secondary")} download>
              Download GIFT
            </a>
          </div>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" aria-label="What each format keeps">
              <thead>
                <tr className="text-muted-foreground">
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Question
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Moodle XML
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    GIFT
                  </th>
                </tr>
              </thead>
              <tbody>
                {plans.map((p) => (
                  <tr key={p.slug} className="border-t border-border" data-testid={`export-row-${p.slug}`}>
                    <th scope="row" className="py-2 pr-4 align-top font-normal">
                      <span className="font-medium">{p.title}</span>
                      <span className="block text-xs text-muted-foreground">
                        {p.slug} · {p.type}
                      </span>
                    </th>
                    <Verdict plan={p.moodle} testId="moodle-verdict" />
                    <Verdict plan={p.gift} testId="gift-verdict" />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
