import type { Metadata } from "next";
import Link from "next/link";
import { ShareQuestionForm } from "@/components/print/share-question-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { printableAssignments } from "@/lib/server/dal/print";
import { requirePageTeacher } from "@/lib/server/dal/session";
import { MAX_PRINT_COPIES, MAX_PRINT_QUESTIONS } from "@/lib/validation/print";

export const metadata: Metadata = { title: "Print and share" };

const selectClass = "min-h-10 rounded-md border border-border bg-card px-2 text-base";

export default async function PrintFormPage() {
  const user = await requirePageTeacher("/teach/print");
  const assignments = await printableAssignments(user);
  return (
    <div className="flex flex-col gap-8">
      <p className="text-sm text-muted-foreground">
        <Link href="/teach" className="underline">
          Question bank
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Print and share</h1>

      <section aria-labelledby="print-heading" className="flex max-w-xl flex-col gap-4">
        <h2 id="print-heading" className="text-xl font-semibold">
          Print a worksheet or exam
        </h2>
        <p className="text-sm text-muted-foreground">
          Each copy gets its own variants, a blank answer space per question (a timeline grid for schedules) and a QR
          code and short code that open that exact variant online for a signed-in student, for checking answers after
          the exam. The same title key, questions and number of copies always print the same sheets; the answer key is a
          separate page.
        </p>
        <form action="/teach/print/sheets" method="get" className="flex flex-col gap-4">
          <Field id="print-title" name="title" label="Title" maxLength={120} placeholder="Midterm: CPU scheduling" />
          <Field
            id="print-slugs"
            name="slugs"
            label="Questions (slugs, separated by spaces or commas)"
            hint={`Up to ${MAX_PRINT_QUESTIONS}; the question bank lists the slugs.`}
          />
          <div className="flex flex-col gap-1">
            <label htmlFor="print-assignment" className="text-sm font-medium">
              Or an assignment&apos;s questions
            </label>
            <select id="print-assignment" name="assignment" className={selectClass} defaultValue="">
              <option value="">None</option>
              {assignments.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.className}: {a.title}
                </option>
              ))}
            </select>
          </div>
          <Field
            id="print-copies"
            name="copies"
            label="Copies"
            type="number"
            min={1}
            max={MAX_PRINT_COPIES}
            defaultValue={2}
            required
          />
          <Field
            id="print-key"
            name="key"
            label="Variant key"
            maxLength={64}
            hint="Any word: a different key draws different variants for the same questions."
          />
          <div>
            <Button type="submit">Make the sheets</Button>
          </div>
        </form>
      </section>

      <section aria-labelledby="share-heading" className="flex max-w-xl flex-col gap-4">
        <h2 id="share-heading" className="text-xl font-semibold">
          Share a question
        </h2>
        <p className="text-sm text-muted-foreground">
          A public link to one practice variant of a published question: anyone can answer it without an account (graded
          on the server, stored nowhere), and it can be embedded in a course page. Each link gets a fresh variant, never
          one a student is graded on.
        </p>
        <ShareQuestionForm />
      </section>
    </div>
  );
}
