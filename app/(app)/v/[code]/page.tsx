import type { Metadata } from "next";
import { QueryProvider } from "@/components/query-provider";
import { listVariantAttempts } from "@/lib/server/dal/attempts";
import { orNotFound } from "@/lib/server/dal/page-guard";
import { requirePageUser } from "@/lib/server/dal/session";
import { resolveCode } from "@/lib/server/dal/shared";
import { loadVariant, practiceVariantAt, unlockedHints } from "@/lib/server/dal/variants";
import { ExerciseClient } from "../../practice/q/[slug]/exercise-client";

export const metadata: Metadata = { title: "Printed question" };

type Props = { params: Promise<{ code: string }> };

// A printed question's code (or a shared link's) opened by a signed-in student: exactly that variant,
// as free practice, so an exam can be checked afterwards. Only the view crosses to the browser.
export default async function PrintedVariantPage({ params }: Props) {
  const { code } = await params;
  const user = await requirePageUser(`/v/${encodeURIComponent(code)}`);
  const variant = await orNotFound(
    resolveCode(code, ["PRINT", "SHARE"]).then((found) => practiceVariantAt(user, found.versionId, found.seed)),
  );
  const loaded = await loadVariant(variant);
  const attempts = await listVariantAttempts(user, variant.id);
  const hints = unlockedHints(loaded);
  return (
    <QueryProvider>
      <ExerciseClient
        key={variant.id}
        slug={loaded.slug}
        variantId={variant.id}
        view={loaded.built.view}
        maxAttempts={loaded.spec.grading.maxAttempts}
        initialAttempts={attempts}
        hints={hints.shown}
        hintState={hints.next}
        explanation={attempts.length > 0 ? loaded.spec.explanation : null}
      />
    </QueryProvider>
  );
}
