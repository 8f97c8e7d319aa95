// buildVariant: template + seed → the view (safe to send to the browser) and the key (server only).
import { discriminateSeed, MAX_DISCRIMINATE_DRAWS, splitDiscriminate, validateDiscriminate } from "./discriminate";
import { fail, isObj, Issues } from "./issues";
import { boundedMemo } from "./memo";
import { fillPlaceholders, type ParamValue } from "./params";
import { KINDS } from "./registry";
import type { BuiltVariant } from "./kinds/kind";
import type { Answer, Checked, QuestionTemplate, Variant } from "./types";

export const MAX_SEED = 2 ** 32 - 1;

// Validating a generator is pure; a template's variants are built many times over, so validate once.
const specMemo = boundedMemo<ReturnType<(typeof KINDS)[keyof typeof KINDS]["validate"]>>(256);

export function buildVariant(template: QuestionTemplate, seed: number): Checked<Variant> {
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > MAX_SEED)
    return fail("seed", `must be an integer 0…${MAX_SEED}, got ${seed}`);
  if (!isObj(template)) return fail("", "the template must be an object");
  const kind = Object.prototype.hasOwnProperty.call(KINDS, template.type) ? KINDS[template.type] : undefined;
  if (!kind) return fail("type", `unknown question type ${String(template.type)}`);
  if (!isObj(template.generator)) return fail("generator", "must be an object");
  const { rest: generator, raw: discriminateRaw } = splitDiscriminate(template.generator);
  const generatorJson = jsonOrNull(generator);
  // Validate a private copy: the memoised spec must not alias objects the caller may later mutate.
  const spec =
    generatorJson === null
      ? kind.validate(generator)
      : specMemo(`${template.type}\u0000${generatorJson}`, () =>
          kind.validate(JSON.parse(generatorJson) as Record<string, unknown>),
        );
  if (!spec.ok) return spec;
  const issues = new Issues();
  const wanted = validateDiscriminate(issues, discriminateRaw, template.type);
  if (issues.any) return { ok: false, errors: issues.list };
  if (wanted.length === 0 || !kind.discriminates) {
    const built = kind.build(spec.value, seed, template);
    return built.ok ? { ok: true, value: assemble(template, seed, built.value) } : built;
  }
  // generator.discriminate: redraw from derived seeds until the variant tells every named misconception
  // apart from the truth. The variant keeps the requested seed, so rebuilding it gives the same draw.
  let missing = wanted;
  for (let attempt = 0; attempt < MAX_DISCRIMINATE_DRAWS; attempt++) {
    const built = kind.build(spec.value, discriminateSeed(seed, attempt), template);
    if (!built.ok) return built;
    const variant = assemble(template, seed, built.value);
    const told = kind.discriminates(variant);
    missing = wanted.filter((id) => !told.includes(id));
    if (missing.length === 0) return { ok: true, value: variant };
  }
  return fail(
    "generator.discriminate",
    `no variant in ${MAX_DISCRIMINATE_DRAWS} draws where ${missing.map((id) => JSON.stringify(id)).join(", ")} gives a different answer from the truth`,
  );
}

function assemble(template: QuestionTemplate, seed: number, b: BuiltVariant): Variant {
  return {
    seed,
    view: {
      type: template.type,
      title: template.title,
      prompt: fillPlaceholders(template.prompt, b.params),
      exhibits: b.exhibits,
      parts: b.parts,
      conventions: b.conventions,
      ...(template.images && template.images.length > 0
        ? { images: template.images.map((i) => ({ name: i.name, alt: i.alt, src: i.dataUrl })) }
        : {}),
    },
    // Tolerances travel with the key so perturbAnswer and the self-test can judge numbers without the template;
    // the drawn parameters, so the explanation shown after submission can name the variant's own values.
    key: { ...b.key, data: { ...b.key.data, grading: template.grading, params: b.params } },
  };
}

/** JSON text of a generator, or null when it is not plain JSON (then it is validated as given, uncached). */
function jsonOrNull(v: unknown): string | null {
  try {
    return typeof v === "object" && v !== null ? JSON.stringify(v) : null;
  } catch {
    return null;
  }
}

/**
 * The worked explanation for this variant: the template's text with its {{placeholders}} filled from the
 * variant's drawn parameters (kept in the key, so nothing of it reaches the browser before submission).
 */
export function explanationFor(template: Pick<QuestionTemplate, "explanation">, variant: Variant): string {
  const params = variant.key.data["params"];
  return fillPlaceholders(
    template.explanation,
    typeof params === "object" && params !== null ? (params as Record<string, ParamValue>) : {},
  );
}

/** The answer that scores exactly 1 (convenience for tests and the instructor preview). */
export function referenceAnswer(variant: Variant): Answer {
  const parts: Answer["parts"] = {};
  for (const [id, v] of Object.entries(variant.key.expected)) parts[id] = Array.isArray(v) ? [...v] : v;
  return { parts };
}
