import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RegradePanel } from "@/components/classes/regrade-panel";
import { getTaughtClass } from "@/lib/server/dal/classes";
import { orNotFound } from "@/lib/server/dal/page-guard";
import { requirePageTeacher } from "@/lib/server/dal/session";

export const metadata: Metadata = { title: "Regrade" };

export default async function RegradePage({
  searchParams,
}: {
  searchParams: Promise<{ classId?: string; slug?: string }>;
}) {
  const { classId, slug } = await searchParams;
  const user = await requirePageTeacher("/teach/classes");
  if (!classId || !slug) notFound();
  const cls = await orNotFound(getTaughtClass(user, classId));
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href={`/teach/classes/${cls.id}`} className="text-sm underline">
          {cls.name}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">Regrade {slug}</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Grades this class&apos;s stored answers again with the question&apos;s current version and each attempt&apos;s
          own seed. The dry run changes nothing.
        </p>
      </div>
      <RegradePanel classId={cls.id} slug={slug} />
    </div>
  );
}
