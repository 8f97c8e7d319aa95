import type { Metadata } from "next";
import { SharedQuestion } from "@/components/share/shared-question";
import { orNotFound } from "@/lib/server/dal/page-guard";
import { loadSharedQuestion } from "@/lib/server/dal/shared";

export const metadata: Metadata = { title: "Practice question", robots: { index: false } };

type Props = { params: Promise<{ code: string }> };

// A shared practice question, public: only the variant's view reaches the browser; the answer is graded
// by /api/shared/<code>/grade, which sends the reference back after submission.
export default async function SharedQuestionPage({ params }: Props) {
  const { code } = await params;
  const shared = await orNotFound(loadSharedQuestion(code));
  return <SharedQuestion code={shared.code} view={shared.view} />;
}
