import type { Metadata } from "next";
import { SimPreview } from "./preview";

// DEVELOPMENT PREVIEW: every answer and replay component with hand-worked sample data, for visual checks,
// screenshots and Playwright/axe tests. It touches no database and no user data.
export const metadata: Metadata = { title: "Component preview (development)", robots: { index: false, follow: false } };

export default function SimPreviewPage() {
  return (
    <div className="flex flex-col gap-6">
      <div className="rounded-md border border-warning bg-warning/10 p-3 text-sm" role="note">
        <strong>Development preview.</strong> Sample data only; nothing here is saved or graded.
      </div>
      <h1 className="text-2xl font-semibold">Answer and replay components</h1>
      <SimPreview />
    </div>
  );
}
