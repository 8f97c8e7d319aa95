import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QueryProvider } from "@/components/query-provider";
import { describeRules, referenceVisible } from "@/lib/analytics/assessment";
import { explanationFor } from "@/lib/engine";
import { listVariantAttempts } from "@/lib/server/dal/attempts";
import { assignmentVariant } from "@/lib/server/dal/assessment";
import { requirePageUser } from "@/lib/server/dal/session";
import { loadVariant, unlockedHints } from "@/lib/server/dal/variants";
import { AppError } from "@/lib/server/errors";
import { ExerciseClient } from "../../../../practice/q/[slug]/exercise-client";

type Props = { params: Promise<{ assignmentId: string; slug: string }> };

export const metadata: Metadata = { title: "Assignment question" };

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

// One question of an assignment, worked on under the assignment's rules (lib/server/dal/assessment.ts):
// the variant is the assignment's own, and the reference is sent only once the rules allow it.
export default async function AssignmentQuestionPage({ params }: Props) {
  const { assignmentId, slug } = await params;
  const user = await requirePageUser(`/classes/a/${assignmentId}/${slug}`);
  const now = new Date();
  const got = await assignmentVariant(user, assignmentId, slug, false, now).catch((error: unknown) => {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "INVALID_INPUT")) notFound();
    if (error instanceof AppError && error.code === "CONFLICT") return error;
    throw error;
  });
  if (got instanceof AppError) {
    return (
      <p className="text-sm" data-testid="assignment-closed">
        {got.message}.{" "}
        <Link href="/classes" className="underline">
          Back to your classes
        </Link>
      </p>
    );
  }
  const { variant, rules, used } = got;
  const loaded = await loadVariant(variant);
  const attempts = await listVariantAttempts(user, variant.id);
  const hints = unlockedHints(loaded);
  const visible = referenceVisible(rules, now);
  // The assignment's limit, expressed as a limit on this variant for the exercise view's counter.
  const fromAssignment = rules.maxAttempts === null ? null : rules.maxAttempts - (used - attempts.length);
  const perVariant = loaded.spec.grading.maxAttempts;
  const maxAttempts =
    fromAssignment === null ? perVariant : perVariant === null ? fromAssignment : Math.min(perVariant, fromAssignment);
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-muted-foreground">
        <Link href="/classes" className="underline">
          Classes
        </Link>
        {" / assignment question"}
      </p>
      <QueryProvider>
        <ExerciseClient
          key={variant.id}
          slug={slug}
          variantId={variant.id}
          view={loaded.built.view}
          maxAttempts={maxAttempts}
          initialAttempts={attempts}
          hints={hints.shown}
          hintState={hints.next}
          explanation={attempts.length > 0 && visible ? explanationFor(loaded.spec, loaded.built) : null}
          assignment={{
            id: assignmentId,
            rules: describeRules(rules, utc),
            revealVisible: visible,
            revealAt: !visible && rules.reveal === "after-due" && rules.dueAt ? rules.dueAt.toISOString() : null,
            hintPenalty: { hintPenalty: rules.hintPenalty, hintPenaltyMax: rules.hintPenaltyMax },
          }}
        />
      </QueryProvider>
    </div>
  );
}
