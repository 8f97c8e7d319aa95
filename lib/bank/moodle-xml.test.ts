import { describe, expect, it } from "vitest";
import { buildVariant, EXAMPLE_TEMPLATES, gradeAnswer, type QuestionTemplate, referenceAnswer } from "@/lib/engine";
import { BUILT_IN_TEMPLATES } from "./index";
import { EXPORT_SEED, exportGift, exportMoodleXml, planExports } from "./exchange";

// The Moodle XML export checked against the format's rules (docs.moodle.org "Moodle XML format", the
// embedded answers (cloze) syntax and qtype_ordering's fields) by a strict parser written here, for
// every question type the export writes, over the whole built-in bank.

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(raw: string): string {
  if (/[<>]/.test(raw)) throw new Error(`raw markup in text: ${raw.slice(0, 60)}`);
  return raw.replace(/&([a-z]+);|&/g, (m, name: string | undefined) => {
    if (!name || !(name in ENTITIES)) throw new Error(`bad entity near: ${raw.slice(0, 60)}`);
    return ENTITIES[name]!;
  });
}

/** A strict parser for the XML subset a Moodle export uses: prolog, comments, elements, attributes, text. */
function parseXml(xml: string): Node {
  let at = 0;
  const prolog = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  if (!prolog) throw new Error("missing XML declaration");
  at = prolog[0].length;
  const root: Node = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: Node[] = [root];
  while (at < xml.length) {
    if (xml.startsWith("<!--", at)) {
      const end = xml.indexOf("-->", at);
      if (end < 0) throw new Error("unclosed comment");
      const body = xml.slice(at + 4, end);
      if (body.includes("--") || body.endsWith("-")) throw new Error(`"--" inside a comment: ${body.slice(0, 60)}`);
      at = end + 3;
    } else if (xml.startsWith("</", at)) {
      const m = /^<\/([a-zA-Z_][\w.-]*)\s*>/.exec(xml.slice(at));
      if (!m) throw new Error(`bad end tag at ${at}`);
      const open = stack.pop()!;
      if (open.name !== m[1]) throw new Error(`</${m[1]}> closes <${open.name}>`);
      at += m[0].length;
    } else if (xml[at] === "<") {
      const m = /^<([a-zA-Z_][\w.-]*)((?:\s+[a-zA-Z_][\w.-]*="[^"<]*")*)\s*(\/?)>/.exec(xml.slice(at));
      if (!m) throw new Error(`bad start tag at ${at}: ${xml.slice(at, at + 40)}`);
      const attrs: Record<string, string> = {};
      for (const a of m[2]!.matchAll(/([a-zA-Z_][\w.-]*)="([^"]*)"/g)) {
        if (a[1]! in attrs) throw new Error(`attribute ${a[1]} twice`);
        attrs[a[1]!] = decode(a[2]!);
      }
      const node: Node = { name: m[1]!, attrs, children: [], text: "" };
      stack.at(-1)!.children.push(node);
      if (!m[3]) stack.push(node);
      at += m[0].length;
    } else {
      const end = xml.indexOf("<", at);
      const raw = xml.slice(at, end < 0 ? xml.length : end);
      const top = stack.at(-1)!;
      if (top === root) {
        if (raw.trim()) throw new Error("text outside the root element");
      } else top.text += decode(raw);
      at += raw.length;
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (root.children.length !== 1) throw new Error("more than one root element");
  return root.children[0]!;
}

const child = (n: Node, name: string) => n.children.find((c) => c.name === name);
const children = (n: Node, name: string) => n.children.filter((c) => c.name === name);
const textOf = (n: Node | undefined) => (n ? (child(n, "text")?.text ?? "") : "");

/** Moodle's grade options (question_bank::fraction_options_full), in percent; answers must use one of them. */
const MOODLE_GRADES = [
  100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5,
  0,
];
const isMoodleGrade = (f: number) => MOODLE_GRADES.some((g) => Math.abs(Math.abs(f) - g) < 1e-4);

const CLOZE_TYPES = new Set([
  "MULTICHOICE",
  "MC",
  "MULTICHOICE_V",
  "MCV",
  "MULTICHOICE_H",
  "MCH",
  "MULTICHOICE_S",
  "MCS",
  "NUMERICAL",
  "NM",
  "SHORTANSWER",
  "SA",
  "MW",
]);

/** The embedded answers of a cloze question text, each checked against the syntax; returns each field's options. */
function clozeFields(text: string): { type: string; options: { text: string; right: boolean }[] }[] {
  const fields: { type: string; options: { text: string; right: boolean }[] }[] = [];
  // A field runs from "{" to the first "}" that is not escaped.
  for (const m of text.matchAll(/\{(\d*):([A-Z_]+):((?:\\.|[^\\}])*)\}/g)) {
    if (m[1] !== "" && !(Number(m[1]) >= 1)) throw new Error(`bad weight ${m[1]}`);
    if (!CLOZE_TYPES.has(m[2]!)) throw new Error(`unknown cloze type ${m[2]}`);
    const options = m[3]!.split(/(?<!\\)~/).map((o) => {
      const right = o.startsWith("=") || o.startsWith("%100%");
      const body = o.replace(/^=|^%-?\d+(?:\.\d+)?%/, "").replace(/#(?<!\\#).*$/, "");
      // Anything with a meaning in a field must arrive escaped.
      if (/(?<!\\)["/]/.test(body)) throw new Error(`unescaped special character in cloze option ${body}`);
      return { text: body.replace(/\\(.)/g, "$1"), right };
    });
    if (options.filter((o) => o.right).length !== 1)
      throw new Error(`cloze field needs exactly one right option: ${m[0]}`);
    if (options.some((o) => o.text === "")) throw new Error(`empty cloze option: ${m[0]}`);
    fields.push({ type: m[2]!, options });
  }
  return fields;
}

/** Every rule of the format for the question types the export writes; returns the questions. */
function validateMoodleXml(xml: string): Node[] {
  const quiz = parseXml(xml);
  expect(quiz.name).toBe("quiz");
  const ids = new Set<string>();
  for (const q of quiz.children) {
    expect(q.name).toBe("question");
    const type = q.attrs.type!;
    expect(["multichoice", "numerical", "cloze", "ordering"]).toContain(type);
    expect(textOf(child(q, "name")).trim()).not.toBe("");
    const qt = child(q, "questiontext")!;
    expect(["html", "moodle_auto_format", "plain_text", "markdown"]).toContain(qt.attrs.format);
    expect(textOf(qt).trim()).not.toBe("");
    // Every file the text refers to travels inside it (Moodle XML: <file name path encoding="base64">), and no other.
    const files = children(qt, "file");
    for (const f of files) {
      expect(f.attrs.encoding).toBe("base64");
      expect(f.attrs.path).toBe("/");
      expect(f.text).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    }
    const referenced = [...textOf(qt).matchAll(/@@PLUGINFILE@@\/([^"\s)]+)/g)].map((m) => decodeURIComponent(m[1]!));
    expect([...new Set(referenced)].sort()).toEqual(files.map((f) => f.attrs.name!).sort());
    for (const extra of [...children(q, "generalfeedback"), ...children(q, "hint")])
      expect(["html", "moodle_auto_format", "plain_text", "markdown"]).toContain(extra.attrs.format);
    const idnumber = child(q, "idnumber")?.text ?? "";
    expect(idnumber).not.toBe("");
    expect(idnumber.length).toBeLessThanOrEqual(100);
    expect(ids.has(idnumber), `idnumber ${idnumber} used twice`).toBe(false);
    ids.add(idnumber);
    const answers = children(q, "answer");
    const fractions = answers.map((a) => Number(a.attrs.fraction));
    for (const f of fractions) expect(Number.isFinite(f)).toBe(true);
    if (type === "multichoice") {
      const single = child(q, "single")?.text;
      expect(["true", "false"]).toContain(single);
      expect(answers.length).toBeGreaterThanOrEqual(2);
      for (const f of fractions) expect(isMoodleGrade(f), `fraction ${f}`).toBe(true);
      if (single === "true") expect(fractions.filter((f) => f === 100)).toHaveLength(1);
      else expect(fractions.filter((f) => f > 0).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 2);
    } else if (type === "numerical") {
      expect(answers.length).toBeGreaterThanOrEqual(1);
      expect(fractions).toContain(100);
      for (const a of answers) {
        expect(Number.isFinite(Number(textOf(a)))).toBe(true);
        expect(Number(child(a, "tolerance")?.text)).toBeGreaterThanOrEqual(0);
      }
    } else if (type === "ordering") {
      expect(answers.length).toBeGreaterThanOrEqual(2);
      expect(fractions).toEqual(answers.map((_, i) => i + 1));
      expect(["VERTICAL", "HORIZONTAL"]).toContain(child(q, "layouttype")?.text);
      expect(["ALL", "RANDOM", "CONTIGUOUS"]).toContain(child(q, "selecttype")?.text);
      expect([
        "ALL_OR_NOTHING",
        "ABSOLUTE_POSITION",
        "RELATIVE_NEXT_EXCLUDE_LAST",
        "RELATIVE_NEXT_INCLUDE_LAST",
        "RELATIVE_ONE_PREVIOUS_AND_NEXT",
        "RELATIVE_ALL_PREVIOUS_AND_NEXT",
        "LONGEST_ORDERED_SUBSET",
        "LONGEST_CONTIGUOUS_SUBSET",
        "RELATIVE_TO_CORRECT",
      ]).toContain(child(q, "gradingtype")?.text);
    } else {
      // A cloze question carries its answers in the text and has no <answer> of its own.
      expect(answers).toHaveLength(0);
      expect(clozeFields(textOf(qt)).length).toBeGreaterThan(0);
    }
  }
  return quiz.children;
}

const schedule = EXAMPLE_TEMPLATES.find((t) => t.type === "schedule")!;

describe("Moodle XML export", () => {
  it("the parser refuses what the format forbids", () => {
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<quiz><a></b></quiz>')).toThrow(/closes/);
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<quiz><!-- a -- b --></quiz>')).toThrow(
      /inside a comment/,
    );
    expect(() => parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>Tom & Jerry</quiz>')).toThrow(/entity/);
    expect(() => clozeFields("{1:MULTICHOICE:A~B}")).toThrow(/exactly one right/);
    expect(() => clozeFields("{1:MULTICHOICE:=A~B/C}")).toThrow(/unescaped/);
  });

  it("writes the whole built-in bank by the format's rules, one unique ID number per question", () => {
    const questions = validateMoodleXml(exportMoodleXml(BUILT_IN_TEMPLATES));
    const types = new Set(questions.map((q) => q.attrs.type));
    // Every type the export can write occurs in the bank, so every rule above was exercised.
    expect([...types].sort()).toEqual(["cloze", "multichoice", "numerical", "ordering"]);
  });

  it("writes a schedule question as a cloze question whose right options are the reference timeline, slot by slot", () => {
    for (const t of BUILT_IN_TEMPLATES.filter((b) => b.type === "schedule")) {
      const [q, ...rest] = validateMoodleXml(exportMoodleXml([t]));
      expect(rest).toHaveLength(0);
      expect(q!.attrs.type).toBe("cloze");
      const built = buildVariant(t, EXPORT_SEED);
      if (!built.ok) throw new Error(t.slug);
      const part = built.value.view.parts[0]!;
      if (part.kind !== "timeline") throw new Error(`${t.slug} has no timeline`);
      const reference = referenceAnswer(built.value).parts[part.id] as string[];
      const labelOf = (v: string) =>
        v === "idle" ? "idle" : v === "cs" ? "context switch" : part.tasks.find((k) => k.id === v)!.label;
      const fields = clozeFields(textOf(child(q!, "questiontext")));
      expect(fields).toHaveLength(part.slots);
      expect(fields.map((f) => f.options.find((o) => o.right)!.text)).toEqual(reference.map(labelOf));
      // The workload the timeline is painted from travels with it.
      const table = built.value.view.exhibits.find((e) => e.kind === "table");
      if (table?.kind === "table")
        for (const row of table.rows) expect(textOf(child(q!, "questiontext"))).toContain(`| ${row.join(" | ")} |`);
      expect(child(q!, "idnumber")!.text).toBe(t.slug);
    }
  });

  it("writes an event-loop question as an ordering question whose answers are the reference order", () => {
    for (const t of BUILT_IN_TEMPLATES.filter((b) => b.type === "eventloop")) {
      const built = buildVariant(t, EXPORT_SEED);
      if (!built.ok) throw new Error(t.slug);
      const part = built.value.view.parts[0]!;
      if (part.kind !== "order") throw new Error(`${t.slug} has no order part`);
      const questions = validateMoodleXml(exportMoodleXml([t]));
      const plan = planExports([t])[0]!;
      if (plan.moodle.carried === "none") continue;
      const reference = referenceAnswer(built.value).parts[part.id] as string[];
      expect(questions[0]!.attrs.type).toBe("ordering");
      expect(children(questions[0]!, "answer").map((a) => textOf(a))).toEqual(
        reference.map((id) => part.items.find((i) => i.id === id)!.label),
      );
    }
    expect(
      planExports(BUILT_IN_TEMPLATES.filter((b) => b.type === "eventloop")).some((p) => p.moodle.carried === "full"),
    ).toBe(true);
  });

  it("weights multiple-answer options so that Moodle's score equals Timeslice's for every possible selection", () => {
    let checked = 0;
    for (const t of BUILT_IN_TEMPLATES) {
      const built = buildVariant(t, EXPORT_SEED);
      if (!built.ok) throw new Error(t.slug);
      const xml = exportMoodleXml([t]);
      const questions = validateMoodleXml(xml);
      for (const part of built.value.view.parts) {
        if (part.kind !== "choice" || !part.multiple) continue;
        const kept = planExports([t])[0]!.moodle.parts.filter((p) => p.as !== null);
        if (!kept.some((k) => k.id === part.id)) continue;
        const q = questions.find(
          (n) => child(n, "idnumber")!.text === (kept.length === 1 ? t.slug : `${t.slug}:${part.id}`),
        )!;
        expect(child(q, "single")?.text).toBe("false");
        const fraction = new Map(children(q, "answer").map((a) => [textOf(a), Number(a.attrs.fraction)]));
        // Every subset of the options: Moodle adds the chosen fractions and floors at 0; Timeslice grades the part.
        for (let mask = 0; mask < 1 << part.options.length; mask++) {
          const chosen = part.options.filter((_, i) => mask & (1 << i));
          const moodle =
            Math.max(
              0,
              chosen.reduce((sum, o) => sum + fraction.get(o.label)!, 0),
            ) / 100;
          const answer = referenceAnswer(built.value);
          const report = gradeAnswer(t, built.value, {
            parts: { ...answer.parts, [part.id]: chosen.map((o) => o.id) },
          });
          expect(moodle, `${t.slug}/${part.id} choosing ${chosen.map((o) => o.label).join(", ")}`).toBeCloseTo(
            report.parts.find((p) => p.id === part.id)!.score,
            3,
          );
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("numbers the parts of a multi-part question apart, never repeating an ID number", () => {
    const multi = BUILT_IN_TEMPLATES.find((t) => t.slug === "cpu-max-burst-latency")!;
    const ids = validateMoodleXml(exportMoodleXml([multi])).map((q) => child(q, "idnumber")!.text);
    expect(ids.length).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.startsWith(`${multi.slug}:`)).toBe(true);
  });

  it("says in the file what it left out or changed", () => {
    const xml = exportMoodleXml([schedule, BUILT_IN_TEMPLATES.find((t) => t.slug === "mlfq-priority-boost")!]);
    expect(xml).toMatch(/<!-- mlfq-priority-boost \(schedule\): exported in part — .*slot by slot/);
    expect(xml).toContain("seed 0");
  });
});

describe("GIFT export", () => {
  it("writes no question for a schedule question but says so in a comment, instead of an empty file", () => {
    const gift = exportGift([schedule]);
    expect(gift).not.toMatch(/^::/m);
    expect(gift).toMatch(
      new RegExp(
        `^// ${schedule.slug} \\(schedule\\): NOT EXPORTED — left out .*GIFT has no question with several blanks`,
        "m",
      ),
    );
    expect(gift.trim().length).toBeGreaterThan(0);
  });

  it("leaves out ordering parts and keeps the rest of a question", () => {
    const mixed = BUILT_IN_TEMPLATES.find((t) => t.slug === "fork-wait-output-order")!;
    const gift = exportGift([mixed]);
    expect(gift.match(/^::/gm)).toHaveLength(1);
    expect(gift).toMatch(
      /fork-wait-output-order \(process\): exported in part — left out .*GIFT has no ordering question/,
    );
  });
});

describe("export plan", () => {
  const plans = planExports(BUILT_IN_TEMPLATES);
  const byType = (type: string) => plans.filter((p) => p.type === type);

  it("gives every question a verdict per format that agrees with what the files contain", () => {
    const gift = exportGift(BUILT_IN_TEMPLATES);
    const xml = exportMoodleXml(BUILT_IN_TEMPLATES);
    for (const p of plans) {
      const inGift = gift.includes(`\n// ${p.slug}\n`) || gift.includes(`\n// ${p.slug}:`);
      expect(inGift, `${p.slug} in GIFT`).toBe(p.gift.carried !== "none");
      expect(xml.includes(`<idnumber>${p.slug}`), `${p.slug} in Moodle XML`).toBe(p.moodle.carried !== "none");
    }
  });

  it("finds that GIFT cannot carry schedules or event-loop orders, and Moodle XML carries every type", () => {
    for (const p of [...byType("schedule"), ...byType("eventloop")]) expect(p.gift.carried).toBe("none");
    expect(byType("concept").every((p) => p.gift.carried !== "none" && p.moodle.carried !== "none")).toBe(true);
    for (const type of new Set(plans.map((p) => p.type)))
      expect(
        byType(type).some((p) => p.moodle.carried !== "none"),
        type,
      ).toBe(true);
    // A per-slot schedule with no convention credit is carried whole.
    const perSlot = plans.find((p) => p.slug === "rr-gantt-with-arrivals")!;
    const template = BUILT_IN_TEMPLATES.find((t) => t.slug === perSlot.slug) as QuestionTemplate;
    expect(perSlot.moodle.carried).toBe(
      (template.grading.scheduleScoring ?? "per-slot") === "per-slot" && template.grading.conventionCredit === 0
        ? "full"
        : "partial",
    );
  });

  it("embeds a prompt's images as base64 files of the question text, referred to through @@PLUGINFILE@@", () => {
    const base = BUILT_IN_TEMPLATES.find((t) => t.type === "schedule")!;
    const withImages: QuestionTemplate = { ...base, images: IMAGES };
    const questions = validateMoodleXml(exportMoodleXml([withImages]));
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) {
      const qt = child(q, "questiontext")!;
      const files = children(qt, "file");
      expect(files.map((f) => f.attrs.name)).toEqual(IMAGES.map((i) => i.name));
      IMAGES.forEach((image, i) => {
        // The bytes, decoded independently of the exporter, are the uploaded image's.
        const uploaded = Buffer.from(image.dataUrl.split(",")[1]!, "base64");
        expect(Buffer.from(files[i]!.text, "base64").equals(uploaded)).toBe(true);
        expect(textOf(qt)).toContain(`<img src="@@PLUGINFILE@@/${image.name}" alt="${htmlEscaped(image.alt)}">`);
      });
      // The images sit under the prompt, before the part's question.
      const text = textOf(qt);
      expect(text.indexOf("@@PLUGINFILE@@")).toBeGreaterThan(text.indexOf(base.prompt.slice(0, 20)));
    }
    // Without images the export is what it was: no files, no references.
    const plain = validateMoodleXml(exportMoodleXml([base]));
    for (const q of plain) expect(children(child(q, "questiontext")!, "file")).toHaveLength(0);
  });
});

const htmlEscaped = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const IMAGES = [
  {
    name: "gantt-1.png",
    alt: 'The "FIFO" Gantt chart <A, B & C>',
    dataUrl:
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  },
  { name: "dot.gif", alt: "a dot", dataUrl: "data:image/gif;base64,R0lGODlhAQABAAAAACw=" },
];
