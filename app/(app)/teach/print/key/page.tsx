import type { Metadata } from "next";
import Link from "next/link";
import "@/components/print/print.css";
import { PrintButton } from "@/components/print/print-button";
import { PrintErrors } from "@/components/print/print-errors";
import { KeyAnswer } from "@/components/print/printed-parts";
import { PromptText } from "@/components/sim/prompt-text";
import { orNotFound } from "@/lib/server/dal/page-guard";
import { printKey, printRefusal } from "@/lib/server/dal/print";
import { requirePageTeacher } from "@/lib/server/dal/session";
import { readPrintParams, type SearchParams } from "@/lib/validation/print";

export const metadata: Metadata = { title: "Answer key" };

type Props = { searchParams: Promise<SearchParams> };

// The only page that shows printed variants' answers: instructors of the questions (and of the
// assignment) only, checked in printKey like the sheets themselves.
export default async function PrintKeyPage({ searchParams }: Props) {
  const user = await requirePageTeacher("/teach/print");
  const params = readPrintParams(await searchParams);
  if (!params.ok) return <PrintErrors errors={params.errors} />;
  const key = await orNotFound(printKey(user, params.request).catch(printRefusal));
  if ("errors" in key) return <PrintErrors errors={key.errors} />;
  return (
    <div className="flex flex-col gap-8" data-testid="print-key">
      <div className="print-controls flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-bold">{key.title}: answer key</h1>
        <PrintButton />
        <Link href={`/teach/print/sheets?${params.query}`} className="text-primary underline">
          Back to the sheets
        </Link>
      </div>
      {key.copies.map((copy) => (
        <section
          key={copy.number}
          className="print-copy flex flex-col gap-6"
          aria-labelledby={`key-copy-${copy.number}`}
        >
          <h2 id={`key-copy-${copy.number}`} className="border-b-2 border-foreground pb-2 text-xl font-semibold">
            Answer key · {key.title} · copy {copy.number}
          </h2>
          {copy.questions.map((q) => (
            <article
              key={q.number}
              className="print-question flex flex-col gap-3 border-b border-border pb-6"
              aria-label={`Key: copy ${copy.number}, question ${q.number}`}
              data-testid="key-question"
              data-code={q.code}
            >
              <h3 className="text-lg font-semibold">
                Question {q.number}: {q.view.title}{" "}
                <span className="font-mono text-sm font-normal">
                  ({q.code.slice(0, 4)}-{q.code.slice(4)})
                </span>
              </h3>
              {q.view.parts.map((part) => (
                <KeyAnswer key={part.id} part={part} value={q.expected[part.id]} />
              ))}
              <div className="text-sm">
                <p className="font-medium">Worked explanation</p>
                <PromptText markdown={q.explanation} />
              </div>
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
