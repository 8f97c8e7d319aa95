// Programs for process and event-loop questions: one source or a list to draw from, with {{params}}
// substituted into the code (e.g. a loop bound), all drawn from the seed.
import type { PythonRandom } from "../../random";
import { Issues, read, type Obj } from "../issues";
import { drawParams, fillPlaceholders, validateParams, type ParamSpecs, type ParamValue } from "../params";

export interface ProgramSpec {
  programs: string[];
  params: ParamSpecs;
}

export const PROGRAM_KEYS = ["program", "programs", "params"] as const;
const MAX_SOURCE = 20_000;

export function validateProgramSpec(issues: Issues, g: Obj): ProgramSpec {
  const programs: string[] = [];
  if (g["program"] !== undefined && g["programs"] !== undefined)
    issues.add("generator.programs", "give either program or programs, not both");
  if (g["program"] !== undefined) {
    const s = read.string(issues, g["program"], "generator.program", { max: MAX_SOURCE });
    if (s !== undefined) programs.push(s);
  } else if (g["programs"] !== undefined) {
    const arr = read.array(issues, g["programs"], "generator.programs", { max: 50 }) ?? [];
    arr.forEach((p, i) => {
      const s = read.string(issues, p, `generator.programs[${i}]`, { max: MAX_SOURCE });
      if (s !== undefined) programs.push(s);
    });
  } else issues.add("generator.program", "is required: the source code (or generator.programs, a list to draw from)");
  const params = validateParams(issues, g["params"], "generator.params");
  return { programs, params };
}

export function drawProgram(
  spec: ProgramSpec,
  rng: PythonRandom,
): { index: number; source: string; params: Record<string, ParamValue> } {
  const index = spec.programs.length > 1 ? rng.randint(0, spec.programs.length - 1) : 0;
  const params = drawParams(spec.params, rng);
  return { index, source: fillPlaceholders(spec.programs[index]!, params), params };
}

export function programPath(spec: ProgramSpec, index: number): string {
  return spec.programs.length > 1 ? `generator.programs[${index}]` : "generator.program";
}
