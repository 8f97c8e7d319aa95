import type { Metadata } from "next";
import "@/components/share/embed.css";
import { SharedQuestion } from "@/components/share/shared-question";
import { orNotFound } from "@/lib/server/dal/page-guard";
import { loadSharedQuestion } from "@/lib/server/dal/shared";

export const metadata: Metadata = { title: "Practice question", robots: { index: false } };

type Props = { params: Promise<{ code: string }> };

// The shared question in an <iframe> on a course page: the one route whose frame-ancestors are relaxed
// (proxy.ts, next.config.ts). It shows nothing but the question and never a signed-in user's data.
export default async function EmbeddedQuestionPage({ params }: Props) {
  const { code } = await params;
  const shared = await orNotFound(loadSharedQuestion(code));
  return (
    <div data-embed="">
      <SharedQuestion code={shared.code} view={shared.view} embedded />
    </div>
  );
}
