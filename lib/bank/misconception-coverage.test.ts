// Issue #21, "variants that tell misconceptions apart": every entry of every kind's misconception
// catalogue must be told apart by some bank template — on some of its first seeds a student holding
// it gets a part wrong (the kind's discriminates() hook, as the self-test reports it). An entry no
// bank template can show would be named nowhere a student meets it. The per-kind files
// (misconceptions.test.ts, misconceptions-programs.test.ts) then check, with misconceived answers
// they build themselves, that the grader names each entry on 20 seeds of each template.
import { expect, test } from "vitest";
import { validateTemplate } from "@/lib/engine";
import { MISCONCEPTION_IDS, QUESTION_TYPES, selfTestTemplate } from "@/lib/engine/questions";
import { BUILT_IN_TEMPLATES } from "./index";

/** Seeds per template: enough for the rarer draws (e.g. a 2ⁿ fork count needs n ≥ 3). */
const VARIANTS = 12;

test("every catalogue entry is told apart by at least one bank template", () => {
  const told = new Map<string, string[]>();
  for (const raw of BUILT_IN_TEMPLATES) {
    if (MISCONCEPTION_IDS[raw.type].length === 0) continue;
    const t = validateTemplate(raw);
    if (!t.ok) throw new Error(`${raw.slug} is invalid`);
    const r = selfTestTemplate(t.value, { variants: VARIANTS, reportMisconceptions: true });
    for (const id of Object.keys(r.discriminates)) told.set(id, [...(told.get(id) ?? []), raw.slug]);
  }
  const catalogue = [...new Set(QUESTION_TYPES.flatMap((type) => MISCONCEPTION_IDS[type]))];
  // The entries this test was written for (issue #21's list), so an empty catalogue cannot pass.
  expect(catalogue).toEqual(
    expect.arrayContaining([
      "fork-exec-returns",
      "fork-parent-first",
      "preempt-at-slice-expiry",
      "rt-throttling-ignored",
      "promises-before-nexttick",
      "pool-ignored",
      "waiting-for-turnaround",
    ]),
  );
  console.log(Object.fromEntries(catalogue.map((id) => [id, told.get(id)?.length ?? 0])));
  expect(catalogue.filter((id) => !told.has(id))).toEqual([]);
}, 600_000);
