import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MockReportView } from "@/components/progress/mock-report";
import { MockExplain } from "@/components/progress/mock-explain";
import { MockRunner } from "@/components/progress/mock-runner";
import { getMockState } from "@/lib/server/dal/mock";
import { requirePageUser } from "@/lib/server/dal/session";
import { AppError } from "@/lib/server/errors";

export const metadata: Metadata = { title: "Mock interview" };

type Props = { params: Promise<{ sessionId: string }> };

export default async function MockSessionPage({ params }: Props) {
  const { sessionId } = await params;
  const user = await requirePageUser(`/mock/${sessionId}`);
  const state = await getMockState(user, sessionId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (state.explain) {
    const e = state.explain;
    return e.phase === "answer" ? (
      <MockExplain key="answer" sessionId={sessionId} phase="answer" kind={e.prompt.kind} prompt={e.prompt.prompt} />
    ) : (
      <MockExplain
        key="assess"
        sessionId={sessionId}
        phase="assess"
        kind={e.prompt.kind}
        prompt={e.prompt.prompt}
        answer={e.answer}
        modelAnswer={e.modelAnswer}
        keyPoints={e.keyPoints}
      />
    );
  }
  if (state.ended || !state.question) {
    return (
      <div className="flex flex-col gap-6">
        <p className="text-sm text-muted-foreground">
          <Link href="/mock" className="underline">
            Mock interview
          </Link>{" "}
          / report
        </p>
        <h1 className="text-2xl font-bold">Interview report</h1>
        {state.report ? <MockReportView report={state.report} /> : null}
      </div>
    );
  }
  return (
    <MockRunner
      key={state.question.itemId}
      sessionId={sessionId}
      itemId={state.question.itemId}
      position={state.question.position}
      answered={state.answered}
      deadline={state.deadline}
      view={state.question.view}
    />
  );
}
