// selfTestTemplate: what an author runs before publishing. For N seeds: the variant builds, the
// reference scores exactly 1, a perturbed answer scores below 1, and the question is not degenerate.
import { simulate } from "../sched/index";
import type { SimResult, Workload } from "../sched/index";
import { checkAnswer } from "./check";
import { brokenInvariant, validateInvariants } from "./invariants";
import { DISCRIMINATE_KEY, validateDiscriminate } from "./discriminate";
import { brokenConstraint, difficultyOf, spreadOf, validateConstraints, type Spread } from "./constraints";
import { constraintContext, validateSchedWorkloadSpec } from "./kinds/sched-workload";
import { Issues, isObj } from "./issues";
import { gradeWith } from "./grade";
import { perturbAnswer } from "./perturb";
import { KINDS } from "./registry";
import { validateTemplate } from "./template";
import type { QuestionTemplate } from "./types";
import { buildVariant, referenceAnswer } from "./variant";
import { withWorkBudget, WorkBudgetExceeded } from "../work";

export interface SelfTestOptions {
  variants: number;
  firstSeed?: number;
  /** Interpreter steps one variant may take to build (see ../work.ts); over it, that seed fails. */
  variantWorkLimit?: number;
  /**
   * Also report which catalogued misconceptions the variants tell apart (issue #21). Off by default: it
   * runs every mistaken model, which a server-side self-test under a work budget should not pay for.
   */
  reportMisconceptions?: boolean;
}

export interface SelfTestResult {
  ok: boolean;
  failures: { seed: number; problem: string }[];
  /** The most interpreter steps any one variant took to build (with shared program models computed once). */
  maxVariantWork: number;
  /**
   * Scheduling questions: the spread over the built variants of how much work each is by hand (timeline
   * length in slots, scheduling decisions, preemptions), so an author sees how even the variants are.
   */
  difficulty?: { variants: number; slots: Spread; decisions: Spread; preemptions: Spread };
  /**
   * Issue #21: per catalogue misconception, on how many of the tested variants a student holding it gets
   * some part wrong (so cannot score by luck). Misconceptions no variant tells apart are absent; empty
   * unless `reportMisconceptions` was asked for.
   */
  discriminates: Record<string, number>;
}

const MAX_SELF_TEST_VARIANTS = 10_000;
const MAX_FAILURES = 100;

export function selfTestTemplate(template: QuestionTemplate, options: SelfTestOptions): SelfTestResult {
  const failures: SelfTestResult["failures"] = [];
  const valid = validateTemplate(template);
  if (!valid.ok)
    return {
      ok: false,
      failures: valid.errors.map((e) => ({ seed: -1, problem: `${e.path}: ${e.message}` })),
      maxVariantWork: 0,
      discriminates: {},
    };
  const t = valid.value;
  // Invariants are re-checked here, independently of the generator's redraw loop, so a kind that forgot
  // to honour them (or a key built some other way) is caught.
  const invariants = isObj(t.generator)
    ? validateInvariants(new Issues(), t.generator["invariants"], "generator.invariants")
    : [];
  const constraints = isObj(t.generator)
    ? validateConstraints(new Issues(), t.generator["constraints"], "generator.constraints")
    : [];
  const schedSpec =
    constraints.length > 0 && isObj(t.generator)
      ? validateSchedWorkloadSpec(new Issues(), t.generator, { needsSlots: false })
      : undefined;
  const wanted = isObj(t.generator) ? validateDiscriminate(new Issues(), t.generator[DISCRIMINATE_KEY], t.type) : [];
  const slotMs = isObj(t.generator) && typeof t.generator["slotMs"] === "number" ? t.generator["slotMs"] : 1;
  const measured = { slots: [] as number[], decisions: [] as number[], preemptions: [] as number[] };
  const first = options.firstSeed ?? 0;
  const n = Math.min(MAX_SELF_TEST_VARIANTS, Math.max(0, Math.floor(options.variants)));
  const variantLimit = options.variantWorkLimit ?? Infinity;
  let maxVariantWork = 0;
  const discriminates: Record<string, number> = {};
  for (let seed = first; seed < first + n && failures.length < MAX_FAILURES; seed++) {
    let built: ReturnType<typeof buildVariant>;
    try {
      const metered = withWorkBudget("per-variant", variantLimit, () => buildVariant(t, seed));
      built = metered.value;
      maxVariantWork = Math.max(maxVariantWork, metered.used);
    } catch (error) {
      // An enclosing budget (the caller's) running out ends the whole test; this one fails the seed.
      if (!(error instanceof WorkBudgetExceeded) || error.budget !== "per-variant") throw error;
      failures.push({
        seed,
        problem: `building this variant takes more than ${variantLimit} interpreter steps (the per-variant budget)`,
      });
      maxVariantWork = Math.max(maxVariantWork, variantLimit + 1);
      continue;
    }
    if (!built.ok) {
      failures.push({
        seed,
        problem: `generation failed: ${built.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`,
      });
      continue;
    }
    const v = built.value;
    const ref = referenceAnswer(v);
    const refCheck = checkAnswer(v.view, ref);
    if (!refCheck.ok) {
      failures.push({
        seed,
        problem: `the reference answer is not a valid answer: ${refCheck.errors[0]!.path} ${refCheck.errors[0]!.message}`,
      });
      continue;
    }
    const refScore = gradeWith(v, ref, t.grading, t, { nameMisconceptions: false }).score;
    if (refScore !== 1) failures.push({ seed, problem: `the reference answer scores ${refScore}, not 1` });
    const wrong = perturbAnswer(v, seed);
    if (!checkAnswer(v.view, wrong).ok) failures.push({ seed, problem: "the perturbed answer is not a valid answer" });
    else if (gradeWith(v, wrong, t.grading, t, { nameMisconceptions: false }).score >= 1)
      failures.push({ seed, problem: "no wrong answer scores below 1 (every answer is right?)" });
    if (invariants.length > 0) {
      const data = v.key.data as { workload?: Workload; sim?: SimResult };
      if (!data.workload)
        failures.push({
          seed,
          problem: "the template declares invariants but its variants carry no workload to check them on",
        });
      else {
        const broken = brokenInvariant(invariants, data.workload, data.sim ?? simulate(data.workload));
        if (broken) failures.push({ seed, problem: broken });
      }
    }
    const drawn = v.key.data as { workload?: Workload; sim?: SimResult; slotMs?: number };
    if (drawn.workload) {
      const sim = drawn.sim ?? simulate(drawn.workload);
      if (constraints.length > 0) {
        const broken = schedSpec
          ? brokenConstraint(constraints, constraintContext(schedSpec, drawn.workload, sim))
          : "the template's constraints cannot be read";
        if (broken) failures.push({ seed, problem: broken });
      }
      const d = difficultyOf(drawn.workload, sim, drawn.slotMs ?? slotMs);
      measured.slots.push(d.slots);
      measured.decisions.push(d.decisions);
      measured.preemptions.push(d.preemptions);
    } else if (constraints.length > 0)
      failures.push({
        seed,
        problem: "the template declares constraints but its variants carry no workload to check them on",
      });
    // generator.discriminate is re-checked here too, independently of buildVariant's redraw loop.
    const told = wanted.length > 0 || options.reportMisconceptions ? (KINDS[t.type].discriminates?.(v) ?? []) : [];
    const untold = wanted.filter((id) => !told.includes(id));
    if (untold.length > 0)
      failures.push({
        seed,
        problem: `the variant does not tell ${untold.map((id) => JSON.stringify(id)).join(", ")} apart from the truth (generator.discriminate)`,
      });
    if (options.reportMisconceptions) for (const id of told) discriminates[id] = (discriminates[id] ?? 0) + 1;
    const degenerate = KINDS[t.type].degenerate(v);
    if (degenerate) failures.push({ seed, problem: `degenerate: ${degenerate}` });
  }
  const slots = spreadOf(measured.slots);
  const decisions = spreadOf(measured.decisions);
  const preemptions = spreadOf(measured.preemptions);
  const result: SelfTestResult = { ok: failures.length === 0, failures, maxVariantWork, discriminates };
  if (slots && decisions && preemptions)
    result.difficulty = { variants: measured.slots.length, slots, decisions, preemptions };
  return result;
}
