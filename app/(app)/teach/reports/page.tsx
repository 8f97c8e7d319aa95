import type { Metadata } from "next";
import Link from "next/link";
import { ReportInbox } from "@/components/classes/report-inbox";
import { listReportInbox } from "@/lib/server/dal/reports";
import { requirePageTeacher } from "@/lib/server/dal/session";

export const metadata: Metadata = { title: "Problem reports" };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ show?: string }> }) {
  const user = await requirePageTeacher("/teach/reports");
  const { show } = await searchParams;
  const all = show === "all";
  const reports = await listReportInbox(user, all ? {} : { resolved: false });
  return (
    <div className="flex flex-col gap-6">
      <div className="flex items-baseline gap-4">
        <h1 className="mr-auto text-2xl font-bold">Problem reports</h1>
        <Link href={all ? "/teach/reports" : "/teach/reports?show=all"} className="text-sm underline">
          {all ? "Open only" : "Include resolved"}
        </Link>
      </div>
      <p className="text-sm text-muted-foreground">
        Reports on your questions, and on the built-in bank, with the student&apos;s variant seed attached.
      </p>
      <ReportInbox reports={reports} />
    </div>
  );
}
