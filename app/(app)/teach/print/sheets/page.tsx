import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import "@/components/print/print.css";
import { PrintErrors } from "@/components/print/print-errors";
import { PrintedAnswerSpace } from "@/components/print/printed-parts";
import { PrintButton } from "@/components/print/print-button";
import { QuestionView } from "@/components/sim/question-view";
import { orNotFound } from "@/lib/server/dal/page-guard";
import { printRefusal, printSet, siteOrigin } from "@/lib/server/dal/print";
import { requirePageTeacher } from "@/lib/server/dal/session";
import { readPrintParams, type SearchParams } from "@/lib/validation/print";

export const metadata: Metadata = { title: "Printable sheets" };

type Props = { searchParams: Promise<SearchParams> };

export default async function PrintSheetsPage({ searchParams }: Props) {
  const user = await requirePageTeacher("/teach/print");
  const params = readPrintParams(await searchParams);
  if (!params.ok) return <PrintErrors errors={params.errors} />;
  const origin = siteOrigin(await headers());
  const set = await orNotFound(printSet(user, params.request, origin).catch(printRefusal));
  if ("errors" in set) return <PrintErrors errors={set.errors} />;
  return (
    <div className="flex flex-col gap-8" data-testid="print-set">
      <div className="print-controls flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-bold">
          {set.title}: {set.copies.length} {set.copies.length === 1 ? "copy" : "copies"}
        </h1>
        <PrintButton />
        <Link href={`/teach/print/key?${params.query}`} className="text-primary underline">
          Answer key
        </Link>
        <Link href="/teach/print" className="text-primary underline">
          Change
        </Link>
      </div>
      {set.copies.map((copy) => (
        <section
          key={copy.number}
          className="print-copy flex flex-col gap-6"
          aria-labelledby={`copy-${copy.number}`}
          data-testid="print-copy"
          data-copy={copy.number}
        >
          <header className="flex flex-wrap items-end gap-x-8 gap-y-2 border-b-2 border-foreground pb-2">
            <h2 id={`copy-${copy.number}`} className="mr-auto text-xl font-semibold">
              {set.title} · copy {copy.number}
            </h2>
            <p className="text-sm">
              Name: <span className="inline-block w-56 border-b border-foreground">&nbsp;</span>
            </p>
          </header>
          {copy.questions.map((q) => (
            <article
              key={q.number}
              className="print-question flex flex-col gap-3 border-b border-border pb-6"
              aria-label={`Copy ${copy.number}, question ${q.number}`}
              data-testid="print-question"
              data-code={q.code}
            >
              <div className="flex gap-4">
                <div className="flex-1">
                  <p className="text-sm font-medium text-muted-foreground">Question {q.number}</p>
                  <QuestionView view={q.view} titleAs="h3" />
                </div>
                <figure className="flex w-32 shrink-0 flex-col items-center gap-1 text-center text-xs">
                  {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG made on the server; nothing for the image optimiser to do */}
                  <img
                    src={`data:image/svg+xml;base64,${Buffer.from(q.qrSvg).toString("base64")}`}
                    alt={`QR code: opens question ${q.number} of copy ${copy.number} online`}
                    width={112}
                    height={112}
                    data-testid="print-qr"
                  />
                  <figcaption>
                    Check online after the exam: <span className="break-all">{origin}/v</span>, code{" "}
                    <strong className="font-mono text-sm" data-testid="print-code">
                      {q.code.slice(0, 4)}-{q.code.slice(4)}
                    </strong>
                  </figcaption>
                </figure>
              </div>
              {q.view.parts.map((part) => (
                <PrintedAnswerSpace key={part.id} part={part} />
              ))}
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
