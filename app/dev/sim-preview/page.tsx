import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { SimPreview } from "./preview";

// DEVELOPMENT PREVIEW: every answer and replay component with hand-worked sample data, for visual checks,
// screenshots and Playwright/axe tests. It touches no database and no user data.
export const metadata: Metadata = { title: "Component preview (development)", robots: { index: false, follow: false } };

// Served by `next dev` only, or where TIMESLICE_DEV_PREVIEW=1 asks for it (the end-to-end server, which
// tests these components against the production build). A production deployment answers 404.
export default async function SimPreviewPage() {
  await connection(); // decided per request, from the environment the server runs with
  if (process.env.NODE_ENV !== "development" && process.env.TIMESLICE_DEV_PREVIEW !== "1") notFound();
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
