import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requirePageUser } from "@/lib/server/dal/session";

export const metadata: Metadata = { title: "Open a printed question" };

type Props = { searchParams: Promise<{ code?: string | string[] }> };

/** Where the short code printed under each question's QR code is typed in. */
export default async function EnterCodePage({ searchParams }: Props) {
  await requirePageUser("/v");
  const { code } = await searchParams;
  if (typeof code === "string" && code.trim()) redirect(`/v/${encodeURIComponent(code.trim())}`);
  return (
    <div className="flex max-w-md flex-col gap-4">
      <h1 className="text-2xl font-bold">Open a printed question</h1>
      <p className="text-sm text-muted-foreground">
        Type the code printed next to the question (or scan its QR code) to answer exactly that variant online and check
        your work.
      </p>
      <form method="get" action="/v" className="flex flex-col gap-3">
        <Field id="code" name="code" label="Code" placeholder="ABCD-1234" autoComplete="off" required />
        <div>
          <Button type="submit">Open</Button>
        </div>
      </form>
    </div>
  );
}
