// Question engine throughput: variants built and graded per second for each example template, split into
// building (generate + simulate/model) and grading (reference answer, then a perturbed wrong answer —
// the wrong one exercises convention matching and first-divergence feedback). CPU time, not wall time,
// because the bench machine is often shared.
import {
  buildVariant,
  EXAMPLE_TEMPLATES,
  gradeAnswer,
  perturbAnswer,
  referenceAnswer,
  validateTemplate,
} from "../lib/engine";
import type { QuestionTemplate, Variant } from "../lib/engine";

const VARIANTS = 300;

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function benchTemplate(t: QuestionTemplate): { build: number; grade: number } {
  const variants: Variant[] = [];
  const build = cpuMs(() => {
    for (let seed = 0; seed < VARIANTS; seed++) {
      const v = buildVariant(t, seed);
      if (!v.ok) throw new Error(`${t.slug} seed ${seed}: ${JSON.stringify(v.errors)}`);
      variants.push(v.value);
    }
  });
  const wrong = variants.map((v) => perturbAnswer(v, v.seed));
  const grade = cpuMs(() => {
    variants.forEach((v, i) => {
      gradeAnswer(t, v, referenceAnswer(v));
      gradeAnswer(t, v, wrong[i]!);
    });
  });
  return { build, grade };
}

export default async function gradingBench(): Promise<void> {
  console.log(`${VARIANTS} variants per template; rates are per CPU second`);
  console.log(
    `${"template".padEnd(34)} ${"type".padEnd(12)} ${"built/s".padStart(9)} ${"graded/s".padStart(9)} ${"both/s".padStart(9)}`,
  );
  for (const raw of EXAMPLE_TEMPLATES) {
    const checked = validateTemplate(raw);
    if (!checked.ok) throw new Error(`${raw.slug}: ${JSON.stringify(checked.errors)}`);
    const t = checked.value;
    benchTemplate(t); // warm-up: JIT and the per-template memo tables
    const { build, grade } = benchTemplate(t);
    const perSec = (ms: number, n: number) => Math.round((n * 1000) / Math.max(ms, 1e-3));
    console.log(
      `${t.slug.padEnd(34)} ${t.type.padEnd(12)} ${String(perSec(build, VARIANTS)).padStart(9)} ${String(perSec(grade, 2 * VARIANTS)).padStart(9)} ${String(perSec(build + grade, VARIANTS)).padStart(9)}`,
    );
  }
}
