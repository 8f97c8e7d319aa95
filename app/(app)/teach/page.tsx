import type { Metadata } from "next";
import { requirePageRole } from "@/lib/server/dal/session";

export const metadata: Metadata = { title: "Teach" };

export default async function TeachPage() {
  const user = await requirePageRole("/teach", "INSTRUCTOR", "ADMIN");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Instructor dashboard</h1>
      <p className="text-muted-foreground">Signed in as {user.email}.</p>
      <section className="rounded-lg border border-border bg-card p-5" aria-labelledby="bank-heading">
        <h2 id="bank-heading" className="font-semibold">
          Question bank
        </h2>
        <p className="mt-2 text-sm text-muted-foreground">Author, preview and publish questions, and follow your classes, from here.</p>
      </section>
    </div>
  );
}
