import { describe, expect, it } from "vitest";
import { EXAMPLE_TEMPLATES, type QuestionTemplate, validateTemplate } from "@/lib/engine";
import { checkTemplate } from "@/lib/validation/questions";
import { BUILT_IN_TEMPLATES } from "./index";
import { escapeGift, escapeXml, exportBankJson, exportGift, exportMoodleXml } from "./exchange";

const tricky: QuestionTemplate = {
  slug: "tricky-escaping",
  title: "Braces {a} & colons: ~tilde= #hash",
  type: "concept",
  topic: "processes-threads",
  tags: ["escaping"],
  difficulty: 1,
  prompt: "Is `a <b> && c` true? See {docs}: #1 ~ = \\ end",
  generator: {
    parts: [
      {
        kind: "choice",
        id: "pick",
        label: "Pick <one> & only one",
        options: [{ label: "x = 1 {yes}", correct: true }, { label: "y: ~2 #no" }],
        shuffle: false,
      },
    ],
  },
  grading: EXAMPLE_TEMPLATES[0]!.grading,
  hints: [],
  explanation: "",
};

describe("GIFT", () => {
  it("escapes every GIFT special character and the backslash", () => {
    expect(escapeGift("a~b=c#d{e}f:g\\h")).toBe("a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h");
    expect(escapeGift("line1\nline2")).toBe("line1\\nline2");
  });

  it("writes a concept question with escaped title, text and answers", () => {
    expect(validateTemplate(tricky).ok).toBe(true);
    const gift = exportGift([tricky]);
    expect(gift).toContain("::Braces \\{a\\} & colons\\: \\~tilde\\= \\#hash::[markdown]");
    expect(gift).toContain("See \\{docs\\}\\: \\#1 \\~ \\= \\\\ end");
    expect(gift).toContain("\t=x \\= 1 \\{yes\\}");
    expect(gift).toContain("\t~y\\: \\~2 \\#no");
    // Every unescaped brace is GIFT structure: exactly one answer block opens and closes.
    const structural = gift.replace(/\\./g, "").replace(/^\/\/.*$/gm, "");
    expect(structural.match(/\{/g)).toHaveLength(1);
    expect(structural.match(/\}/g)).toHaveLength(1);
  });

  it("writes numeric parts with their tolerance, and a schedule question only as a comment saying it is left out", () => {
    const concept = EXAMPLE_TEMPLATES.find((t) => t.slug === "concept-cfs-default")!;
    const schedule = EXAMPLE_TEMPLATES[0]!;
    expect(schedule.type).toBe("schedule");
    const gift = exportGift([concept, schedule]);
    expect(gift).toContain("{#1024:0}");
    expect(gift).toContain(`// ${schedule.slug} (schedule): NOT EXPORTED`);
    // Its two parts, and nothing for the schedule.
    expect(gift.match(/^::/gm)).toHaveLength(2);
  });

  it("writes a prompt's images inline as data: URIs with their alt text, and warns that it does", () => {
    const png =
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
    const withImage: QuestionTemplate = {
      ...tricky,
      slug: "with-image",
      images: [{ name: "gantt-1.png", alt: 'Chart of "A" & B', dataUrl: png }],
    };
    const gift = exportGift([withImage]);
    const question = gift.split("\n\n").find((b) => b.startsWith("// with-image\n::"))!;
    // GIFT's escapes undone as Moodle's importer does (\n is a new line, \c is c): the image is there, whole.
    const text = question.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
    expect(text).toContain(`<img src="${png}" alt="Chart of &quot;A&quot; &amp; B">`);
    // Nothing in the data: URI is left as GIFT structure: the only unescaped braces are the answer block's.
    const structural = question.replace(/\\./g, "").replace(/^\/\/.*$/gm, "");
    expect(structural.match(/[{}]/g)).toEqual(["{", "}"]);
    expect(structural.slice(0, structural.indexOf("{")).replace(/::/g, "")).not.toMatch(/[=~#:]/);
    expect(gift).toMatch(
      /\/\/ with-image \(concept\): exported in part — .*images are written into the text as data: URIs/,
    );
    // A question without images gets no such warning.
    expect(exportGift([tricky])).not.toContain("data: URI");
  });

  it("weights multiple-answer options", () => {
    const multi: QuestionTemplate = {
      ...tricky,
      slug: "multi",
      generator: {
        parts: [
          {
            kind: "choice",
            id: "m",
            label: "Which?",
            multiple: true,
            shuffle: false,
            options: [{ label: "A", correct: true }, { label: "B", correct: true }, { label: "C" }],
          },
        ],
      },
    };
    const gift = exportGift([multi]);
    // As Timeslice grades it: each right pick earns half, a wrong pick takes a half back.
    expect(gift).toContain("~%50%A");
    expect(gift).toContain("~%50%B");
    expect(gift).toContain("~%-50%C");
  });
});

describe("Moodle XML", () => {
  it("escapes XML specials", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;",
    );
  });

  it("writes well-formed questions with escaped text and correct fractions", () => {
    const xml = exportMoodleXml([tricky]);
    expect(xml).toContain("<name><text>Braces {a} &amp; colons: ~tilde= #hash</text></name>");
    expect(xml).toContain("Is `a &lt;b&gt; &amp;&amp; c` true?");
    expect(xml).toContain('<answer fraction="100" format="plain_text"><text>x = 1 {yes}</text></answer>');
    expect(xml).toContain('<answer fraction="0" format="plain_text"><text>y: ~2 #no</text></answer>');
    expect(xml).toContain("<single>true</single>");
    // No raw markup characters survive inside text elements.
    for (const m of xml.matchAll(/<text>([^<]*)<\/text>/g))
      expect(m[1]).not.toMatch(/[<>]|&(?!amp;|lt;|gt;|quot;|apos;)/);
    const opens = xml.match(/<question /g)?.length;
    expect(opens).toBe(xml.match(/<\/question>/g)?.length);
  });

  it("exports the numeric part of the example as a numerical question", () => {
    const xml = exportMoodleXml([EXAMPLE_TEMPLATES.find((t) => t.slug === "concept-cfs-default")!]);
    expect(xml).toContain('<question type="numerical">');
    expect(xml).toContain("<text>1024</text><tolerance>0</tolerance>");
  });
});

describe("JSON bank", () => {
  it("is independent of input order and key order", () => {
    const reversed = [...EXAMPLE_TEMPLATES]
      .reverse()
      .map((t) => Object.fromEntries(Object.entries(t).reverse()) as unknown as QuestionTemplate);
    expect(exportBankJson(reversed)).toBe(exportBankJson(EXAMPLE_TEMPLATES));
  });

  it("round-trips the whole built-in bank exactly through validation", () => {
    const first = exportBankJson(BUILT_IN_TEMPLATES);
    const parsed = JSON.parse(first) as { format: string; version: number; templates: unknown[] };
    expect(parsed.format).toBe("timeslice-bank");
    expect(parsed.templates).toHaveLength(BUILT_IN_TEMPLATES.length);
    const revalidated = parsed.templates.map((t) => {
      const checked = validateTemplate(t);
      if (!checked.ok) throw new Error(checked.errors[0]!.message);
      return checked.value;
    });
    expect(exportBankJson(revalidated)).toBe(first);
  });

  it("accepts every built-in and example template through the authoring check, so each can be duplicated and re-imported", () => {
    const refused = [...BUILT_IN_TEMPLATES, ...EXAMPLE_TEMPLATES].flatMap((t) => {
      const checked = checkTemplate(JSON.parse(exportBankJson([t])).templates[0]);
      return checked.ok ? [] : [`${t.slug}: ${checked.errors[0]!.path} ${checked.errors[0]!.message}`];
    });
    expect(refused).toEqual([]);
  });
});
