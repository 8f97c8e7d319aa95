import Link from "next/link";

/** What stopped a print: each problem in words, naming the field. */
export function PrintErrors({ errors }: { errors: string[] }) {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Nothing to print yet</h1>
      <ul role="alert" className="list-disc pl-5 text-danger" data-testid="print-errors">
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
      <Link href="/teach/print" className="text-primary underline">
        Back to the print form
      </Link>
    </div>
  );
}
