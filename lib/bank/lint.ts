// The question content lint: mechanical rules over everything a student reads in a question — the
// template's title, prompt, hints and explanation, and each variant's conventions, labels, options and
// table cells. Each issue names the template, the field and the rule, so an author can fix it at once.
//
// Rules
//  - markdown-in-plain-text: `*x*`, `**x**` or backticks in a field shown as plain text (titles,
//    hints, conventions, part labels, options, order items, table cells). Prompts and explanations are
//    Markdown and may use them.
//  - internal-id: rule ids of the scheduler (stcf-shortest-remaining), template slugs, repository paths
//    (docs/…, lib/…, *.md) and "domain notes" — things a student cannot see or look up.
//  - arithmetic: "a op b = c" / "a op b ≈ c" in the text must compute (c rounded as written).
//  - approximate-figure: "about/roughly/approximately N" must be registered with an independent
//    computation (APPROXIMATE_FIGURES) and agree with it to the digits written: "about 6 ms" for 6.67 fails.
//  - version-sensitive: claims that changed over time must say which version they hold for (the default
//    Linux fair scheduler, pid_max and max_map_count defaults, virtual-thread pinning, nextTick before
//    promises, glibc's 8 MiB stack, the one measured switch cost).
import { buildVariant, explanationFor, type QuestionTemplate, type VariantView } from "@/lib/engine";

export interface LintIssue {
  slug: string;
  seed?: number;
  field: string;
  rule: "markdown-in-plain-text" | "internal-id" | "arithmetic" | "approximate-figure" | "version-sensitive";
  message: string;
}

/** Every "about N" in the bank with the value it stands for, computed independently. */
export const APPROXIMATE_FIGURES: { slug: string; phrase: string; value: number }[] = [
  // One nice level costs B 1 − (820/1844)/(1/2) of its CPU time.
  { slug: "nice-weight-arithmetic", phrase: "about **10% of its CPU time**", value: (1 - 820 / 1844 / 0.5) * 100 },
  { slug: "nice-weight-arithmetic", phrase: "A gained about 10%", value: (1024 / 1844 / 0.5 - 1) * 100 },
  // The gamer runs 9.9 ms of every 10 ms (the other 0.1 ms it waits for its I/O).
  { slug: "mlfq-gaming-and-boost", phrase: "about **99%**", value: (9.9 / 10) * 100 },
  // A 4 µs kernel switch against a 0.2 µs goroutine switch.
  { slug: "green-threads-switch-cost", phrase: "about 20× less", value: 4 / 0.2 },
  // n tasks always active from 0: after 60 s the 1-minute average is 1 − e^(−60/60), the 5-minute one 1 − e^(−60/300).
  { slug: "load-average-after-a-burst", phrase: "1-minute average shows about 63%", value: (1 - Math.exp(-1)) * 100 },
  { slug: "load-average-after-a-burst", phrase: "5-minute one about 18%", value: (1 - Math.exp(-60 / 300)) * 100 },
];

/** Scheduler rule ids that appear in decision logs; students see rule names in words instead. */
export const KNOWN_RULE_IDS = [
  "cfs-min-vruntime",
  "eevdf-earliest-eligible-deadline",
  "eevdf-fallback-min-vruntime",
  "fifo-head",
  "lottery-draw",
  "mlfq-highest-level",
  "priority-highest",
  "priority-preemptive-highest",
  "rr-head",
  "rt-fifo-highest-priority",
  "rt-rr-highest-priority",
  "sjf-shortest-burst",
  "stcf-shortest-remaining",
  "stride-min-pass",
];

const PLAIN_MARKDOWN = /\*\*[^*\n]+\*\*|(?<![\w*])\*[^*\s][^*\n]*\*(?![\w*])|`[^`\n]+`/;
const REPO_PATH = /\bdocs\/[\w./-]+|\blib\/[\w./-]+|\b[\w-]+\.md\b|\bdomain notes\b/i;

function sentences(text: string): string[] {
  return text.split(/\n+|(?<=[.!?])\s+(?=[A-Z0-9*(])/).filter((s) => s.trim() !== "");
}

// ---------- arithmetic ----------

const ARITH_CHARS = /^[\d.,\s×*/+−\-()]+$/;

/** A tiny evaluator for + − × / and parentheses; null when the text is not such an expression. */
export function evaluate(text: string): number | null {
  const src = text
    .replace(/×/g, "*")
    .replace(/−/g, "-")
    .replace(/(\d),(\d{3})(?!\d)/g, "$1$2")
    .replace(/\s+/g, "");
  if (src === "" || !/^[\d.*/+\-()]+$/.test(src)) return null;
  let i = 0;
  const peek = () => src[i];
  function atom(): number | null {
    if (peek() === "(") {
      i++;
      const v = sum();
      if (peek() !== ")") return null;
      i++;
      return v;
    }
    const m = /^\d+(?:\.\d+)?/.exec(src.slice(i));
    if (!m) return null;
    i += m[0].length;
    return Number(m[0]);
  }
  function product(): number | null {
    let v = atom();
    while (v !== null && (peek() === "*" || peek() === "/")) {
      const op = src[i++];
      const r = atom();
      if (r === null) return null;
      v = op === "*" ? v * r : v / r;
    }
    return v;
  }
  function sum(): number | null {
    let v = product();
    while (v !== null && (peek() === "+" || peek() === "-")) {
      const op = src[i++];
      const r = product();
      if (r === null) return null;
      v = op === "+" ? v + r : v - r;
    }
    return v;
  }
  const v = sum();
  return v !== null && i === src.length && Number.isFinite(v) ? v : null;
}

const hasOperator = (s: string) => /\d\s*[×*/+−-]\s*[\d(]/.test(s);

function decimals(n: string): number {
  const d = n.replace(/,/g, "").split(".")[1];
  return d ? d.length : 0;
}

/** Checks every "lhs = rhs" / "lhs ≈ rhs" link of a sentence where both sides are plain arithmetic. */
export function arithmeticProblems(text: string): string[] {
  const out: string[] = [];
  for (const sentence of sentences(text.replace(/\*\*/g, ""))) {
    const pieces = sentence.split(/\s(=|≈)\s/);
    for (let k = 1; k + 1 < pieces.length; k += 2) {
      const rel = pieces[k]!;
      const left = pieces[k - 1]!;
      const right = pieces[k + 1]!;
      // The arithmetic tail of the left side and the arithmetic head of the right side.
      let lhs = /[\d.,\s×*/+−\-()]*$/.exec(left)![0].trim();
      const rhsMatch = /^[\d.,\s×*/+−\-()]*/.exec(right)![0].trim().replace(/[,.]$/, "");
      const percent = /^[\d.,\s×*/+−\-()]*%/.test(right);
      // An unmatched "(" at the start of the tail belongs to the sentence, not to the expression.
      while (lhs.startsWith("(") && (lhs.match(/\(/g) ?? []).length > (lhs.match(/\)/g) ?? []).length)
        lhs = lhs.slice(1).trim();
      if (!hasOperator(lhs) || !ARITH_CHARS.test(lhs) || rhsMatch === "") continue;
      const a = evaluate(lhs);
      const b = evaluate(rhsMatch);
      if (a === null || b === null) continue;
      const candidates = percent ? [a, a * 100] : [a];
      let ok: boolean;
      if (hasOperator(rhsMatch)) ok = candidates.some((c) => Math.abs(c - b) <= 1e-3 * Math.max(1, Math.abs(b)));
      else {
        const half = 0.5 * 10 ** -decimals(rhsMatch) + 1e-9 * Math.abs(b);
        ok = candidates.some((c) => Math.abs(c - b) <= half || (rel === "≈" && Math.abs(c - b) <= 0.02 * Math.abs(c)));
      }
      if (!ok)
        out.push(`"${lhs} ${rel} ${rhsMatch}${percent ? "%" : ""}": the left side is ${Number(a.toPrecision(6))}`);
    }
  }
  return out;
}

// ---------- approximate figures ----------

/** N written with the digits shown: 10 → 1 significant figure, 6.5 → 2, 1507 → 4. */
function roundsTo(value: number, written: string): boolean {
  const w = Number(written.replace(/,/g, ""));
  const digits = written.replace(/,/g, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "").length || 1;
  const d = decimals(written);
  const sig = Number(value.toPrecision(Math.max(digits, 1)));
  return Math.abs(sig - w) < 1e-9 || Math.abs(Number(value.toFixed(d)) - w) < 1e-9;
}

export function approximateFigureProblems(slug: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(?:about|roughly|approximately)\s+\**\s*(\d[\d,]*(?:\.\d+)?)/g)) {
    const at = m.index;
    const entry = APPROXIMATE_FIGURES.find(
      (e) => e.slug === slug && text.slice(Math.max(0, at - 40), at + e.phrase.length + 40).includes(e.phrase),
    );
    if (!entry) out.push(`"${m[0]}" is not registered with its computation in APPROXIMATE_FIGURES`);
    else if (!roundsTo(entry.value, m[1]!))
      out.push(`"${m[0]}" but the value is ${Number(entry.value.toPrecision(4))}`);
  }
  return out;
}

// ---------- version-sensitive claims ----------

const VERSION_RULES: { when: (s: string) => boolean; needs: RegExp; say: string }[] = [
  {
    when: (s) => /\b(CFS|EEVDF)\b/.test(s) && /\b(default|current|today|modern|now)\b/i.test(s),
    needs: /\b\d+\.\d+\b/,
    say: 'says which Linux scheduler is the default/current without a version (e.g. "since Linux 6.6")',
  },
  {
    when: (s) => /pid_max/.test(s) && /32[\s,]?768/.test(s),
    needs: /built-in|systemd/,
    say: "gives pid_max 32768 without saying it is the kernel's built-in default (systemd ≥ 243 raises it)",
  },
  {
    when: (s) => /max_map_count/.test(s) && /65[\s,]?530/.test(s),
    needs: /kernel/,
    say: "gives vm.max_map_count 65530 without saying it is the kernel's default",
  },
  {
    when: (s) => /\bpin(s|ned|ning)?\b/i.test(s) && /synchronized/.test(s),
    needs: /JDK \d+|JEP 491|Java 2\d/,
    say: "says synchronized pins a virtual thread without the JDK versions (JDK 21–23; JEP 491 fixed it in 24)",
  },
  {
    when: (s) => /nextTick/.test(s) && /\b(before|first)\b/i.test(s) && /promise|microtask/i.test(s),
    needs: /CommonJS|ES module/,
    say: "orders nextTick before promises without saying it holds for CommonJS",
  },
  {
    when: (s) => /8 MiB/.test(s) && /stack/i.test(s) && /default/i.test(s),
    needs: /glibc|ulimit/,
    say: "calls 8 MiB the default stack without naming glibc / ulimit -s",
  },
  {
    when: (s) => /3\.5–4\.5 µs/.test(s) && !/\|/.test(s),
    needs: /measured|VM|Linux 6\.18|PCID/,
    say: "gives 3.5–4.5 µs as a switch cost without saying it is one measurement",
  },
];

/** Per paragraph (or list item): a qualifier anywhere in it covers the claim. */
export function versionProblems(text: string): string[] {
  const out: string[] = [];
  for (const s of text.split(/\n+/))
    for (const r of VERSION_RULES) if (r.when(s) && !r.needs.test(s)) out.push(`${r.say}: "${s.slice(0, 120)}"`);
  return out;
}

// ---------- the lint ----------

function internalIdProblems(text: string, ids: readonly string[]): string[] {
  const out: string[] = [];
  const path = REPO_PATH.exec(text);
  if (path) out.push(`names "${path[0]}", which students cannot see`);
  for (const id of ids)
    if (new RegExp(`(?<![\\w-])${id}(?![\\w-])`).test(text)) out.push(`contains the internal id "${id}"`);
  return out;
}

function viewPlainFields(view: VariantView): [string, string][] {
  const out: [string, string][] = [["title", view.title]];
  view.conventions.forEach((c, i) => out.push([`conventions[${i}]`, c]));
  for (const p of view.parts) {
    out.push([`parts.${p.id}.label`, p.label]);
    if (p.kind === "number" && p.hint) out.push([`parts.${p.id}.hint`, p.hint]);
    if (p.kind === "choice") p.options.forEach((o) => out.push([`parts.${p.id}.options.${o.id}`, o.label]));
    if (p.kind === "order") p.items.forEach((o) => out.push([`parts.${p.id}.items.${o.id}`, o.label]));
    if (p.kind === "tree") p.labels.forEach((o) => out.push([`parts.${p.id}.labels.${o.id}`, o.label]));
  }
  view.exhibits.forEach((e, i) => {
    out.push([`exhibits[${i}].caption`, e.caption]);
    if (e.kind === "table") {
      e.columns.forEach((c, j) => out.push([`exhibits[${i}].columns[${j}]`, c]));
      e.rows.forEach((r, j) => r.forEach((cell, k) => out.push([`exhibits[${i}].rows[${j}][${k}]`, String(cell)])));
    }
  });
  return out;
}

export function lintTemplate(t: QuestionTemplate, opts: { seeds: number; ids: readonly string[] }): LintIssue[] {
  const issues: LintIssue[] = [];
  const add = (field: string, rule: LintIssue["rule"], messages: string[], seed?: number) => {
    for (const message of messages)
      issues.push({ slug: t.slug, field, rule, message, ...(seed !== undefined ? { seed } : {}) });
  };
  const ids = opts.ids;
  const authored: [string, string, boolean][] = [
    ["title", t.title, true],
    ["prompt", t.prompt, false],
    ["explanation", t.explanation, false],
    ...t.hints.map((h, i): [string, string, boolean] => [`hints[${i}]`, h, true]),
  ];
  for (const [field, text, plain] of authored) {
    if (plain && PLAIN_MARKDOWN.test(text))
      add(field, "markdown-in-plain-text", [`raw Markdown in plain text: "${PLAIN_MARKDOWN.exec(text)![0]}"`]);
    add(field, "internal-id", internalIdProblems(text, ids));
    add(field, "arithmetic", arithmeticProblems(text));
    add(field, "approximate-figure", approximateFigureProblems(t.slug, text));
    add(field, "version-sensitive", versionProblems(text));
  }
  const seen = new Set<string>();
  for (let seed = 0; seed < opts.seeds; seed++) {
    const v = buildVariant(t, seed);
    if (!v.ok) continue;
    const view = v.value.view;
    const fields: [string, string, boolean][] = [
      ["prompt (filled)", view.prompt, false],
      ["explanation (filled)", explanationFor(t, v.value), false],
      ...viewPlainFields(view).map(([f, s]): [string, string, boolean] => [f, s, true]),
    ];
    for (const [field, text, plain] of fields) {
      const key = `${field}\u0000${text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (plain && PLAIN_MARKDOWN.test(text))
        add(field, "markdown-in-plain-text", [`raw Markdown in plain text: "${PLAIN_MARKDOWN.exec(text)![0]}"`], seed);
      add(field, "internal-id", internalIdProblems(text, ids), seed);
      add(field, "arithmetic", arithmeticProblems(text), seed);
      // Options, items and table cells are fragments: their claim is qualified by the label or prompt.
      if (!/\.(options|items)\.|\.rows\[/.test(field)) add(field, "version-sensitive", versionProblems(text), seed);
    }
  }
  return issues;
}
