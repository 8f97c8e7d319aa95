// Authoring question templates through the data-access layer against a real database, once per provider.
import { describe, expect, it } from "vitest";
import type { DbProvider } from "@/lib/db/provider";
import { EXAMPLE_TEMPLATES, type QuestionTemplate, referenceAnswer } from "@/lib/engine";
import { useFreshDatabase } from "./use-database";

const example = (type: QuestionTemplate["type"]): QuestionTemplate =>
  structuredClone(EXAMPLE_TEMPLATES.find((t) => t.type === type)!);

export function authoringSuite(provider: DbProvider) {
  describe(`authoring on ${provider}`, async () => {
    const { db } = await useFreshDatabase(provider);
    const { seed } = await import("@/prisma/seed");
    const { createUser } = await import("@/lib/server/dal/users");
    const authoring = await import("@/lib/server/dal/authoring");
    const exchange = await import("@/lib/server/dal/authoring-exchange");
    const variants = await import("@/lib/server/dal/variants");
    await seed(db, { demoAccounts: false });

    const mk = (name: string, role: "STUDENT" | "INSTRUCTOR") =>
      createUser({ email: `${name}-${provider}@example.com`, name, password: `password-${name}`, role });
    const ines = await mk("ines", "INSTRUCTOR");
    const otto = await mk("otto", "INSTRUCTOR");
    // Sign-up never creates admins, so the role is raised directly, as an operator would.
    const ada = { ...(await mk("ada", "INSTRUCTOR")), role: "ADMIN" as const };
    await db.user.update({ where: { id: ada.id }, data: { role: "ADMIN" } });
    const sam = await mk("sam", "STUDENT");

    it("creates a draft from an example, owned by its author", async () => {
      const q = await authoring.createQuestion(ines, { ...example("schedule"), slug: "inesq-rr" });
      expect(q).toMatchObject({
        slug: "inesq-rr",
        status: "DRAFT",
        builtIn: false,
        mine: true,
        editable: true,
        currentVersion: 1,
      });
      const row = await db.questionTemplate.findUniqueOrThrow({ where: { id: q.id } });
      expect(row.authorId).toBe(ines.id);
    });

    it("refuses a bad template with 400 naming the field", async () => {
      await expect(
        authoring.createQuestion(ines, { ...example("schedule"), slug: "bad-diff", difficulty: 9 }),
      ).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { "template.difficulty": [expect.stringMatching(/1 to 5/)] },
      });
      await expect(authoring.createQuestion(ines, { ...example("schedule"), slug: "Not Kebab" })).rejects.toMatchObject(
        { code: "INVALID_INPUT", message: expect.stringMatching(/^template\.slug/) },
      );
      // The engine's semantic check names paths inside the generator.
      const bad = {
        ...example("schedule"),
        slug: "bad-gen",
        generator: { policy: { name: "rr", quantum: -1 }, tasks: [3, 4], cpuBurst: [1, 6] },
      };
      await expect(authoring.createQuestion(ines, bad)).rejects.toMatchObject({
        code: "INVALID_INPUT",
        message: expect.stringMatching(/^template\.generator/),
      });
      const placeholder = { ...example("schedule"), slug: "bad-ph", prompt: "Uses {{nothing}}." };
      await expect(authoring.createQuestion(ines, placeholder)).rejects.toMatchObject({
        fieldErrors: { "template.prompt": [expect.stringMatching(/nothing/)] },
      });
      expect(await db.questionTemplate.count({ where: { slug: { in: ["bad-diff", "bad-gen", "bad-ph"] } } })).toBe(0);
    });

    it("saves generator constraints, and refuses ones no draw can meet naming the constraint", async () => {
      const generator = {
        policy: { name: "mlfq", quanta: [2, 4], boostPeriod: 16 },
        tasks: 3,
        cpuBurst: [2, 9],
        ioBurst: [1, 4],
        burstsPerTask: [1, 3],
        arrivalSpread: 6,
        slotMs: 1,
        constraints: ["io >= 1", "demotions >= 1", "promotions >= 1 && boostMatters"],
      };
      const prompt = "Paint the MLFQ schedule, one slot per {{slotMs}} ms.";
      const q = await authoring.createQuestion(ines, {
        ...example("schedule"),
        slug: "inesq-mlfq-io",
        prompt,
        generator,
      });
      const version = await db.questionVersion.findUniqueOrThrow({
        where: { templateId_version: { templateId: q.id, version: 1 } },
      });
      expect((version.spec as { generator: { constraints: string[] } }).generator.constraints).toEqual(
        generator.constraints,
      );
      const impossible = {
        ...example("schedule"),
        slug: "inesq-impossible",
        prompt,
        generator: { ...generator, constraints: ["tasks >= 4"] },
      };
      await expect(authoring.createQuestion(ines, impossible)).rejects.toMatchObject({
        code: "INVALID_INPUT",
        message: expect.stringMatching(
          /^template\.generator: no usable workload in 100 draws for seed 0: constraint "tasks >= 4" does not hold \(tasks = 3\)/,
        ),
      });
    });

    it("refuses to save a template that fails the self-test, with the reasons", async () => {
      // Valid, but degenerate: every printed line is the same, so every order is right.
      const trivial: QuestionTemplate = {
        ...example("eventloop"),
        slug: "always-right",
        generator: { programs: ["console.log('a');\nconsole.log('a');\n"] },
      };
      const error = await authoring.createQuestion(ines, trivial).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/self-test failed/) });
      expect((error as { fieldErrors: Record<string, string[]> }).fieldErrors.selfTest!.length).toBeGreaterThan(0);
      expect(await db.questionTemplate.count({ where: { slug: "always-right" } })).toBe(0);
    });

    it("edits a draft in place, and adds a version when the question is published; old attempts keep their version", async () => {
      const q = await authoring.createQuestion(ines, { ...example("schedule"), slug: "inesq-versioned" });
      const draftEdit = await authoring.updateQuestion(ines, q.id, {
        ...example("schedule"),
        slug: "inesq-versioned",
        title: "Edited draft",
      });
      expect(draftEdit.currentVersion).toBe(1);
      expect(await db.questionVersion.count({ where: { templateId: q.id } })).toBe(1);

      await authoring.setQuestionStatus(ines, q.id, "PUBLISHED");
      const loaded = await variants.loadVariant(await variants.currentVariant(sam, "inesq-versioned"));
      const attempt = await db.attempt.create({
        data: {
          userId: sam.id,
          variantId: loaded.row.id,
          templateId: q.id,
          versionId: loaded.row.versionId,
          seed: loaded.row.seed,
          engineVersion: "test",
          attemptNumber: 1,
          submissionId: "sub-versioned-1",
          answer: referenceAnswer(loaded.built) as object,
          score: 1,
          correct: true,
          report: {},
        },
      });
      const v1 = await db.questionVersion.findUniqueOrThrow({
        where: { templateId_version: { templateId: q.id, version: 1 } },
      });

      const edited = await authoring.updateQuestion(ines, q.id, {
        ...example("schedule"),
        slug: "inesq-versioned",
        title: "Edited after publishing",
        difficulty: 3,
      });
      expect(edited).toMatchObject({
        currentVersion: 2,
        title: "Edited after publishing",
        difficulty: 3,
        status: "PUBLISHED",
      });
      expect(await db.questionVersion.count({ where: { templateId: q.id } })).toBe(2);
      const stored = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
      expect(stored.versionId).toBe(v1.id);
      expect((v1.spec as { title: string }).title).toBe("Edited draft");
      // New students get the new version.
      const fresh = await variants.loadVariant(await variants.createVariant(sam, "inesq-versioned"));
      expect(fresh.spec.title).toBe("Edited after publishing");
      const detail = await authoring.getAuthoredQuestion(ines, q.id);
      expect(detail.versions.map((v) => [v.version, v.attempts])).toEqual([
        [1, 1],
        [2, 0],
      ]);
    });

    it("refuses a slug change on edit", async () => {
      const q = await authoring.createQuestion(ines, { ...example("metrics"), slug: "inesq-fixed-slug" });
      await expect(
        authoring.updateQuestion(ines, q.id, { ...example("metrics"), slug: "renamed" }),
      ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { "template.slug": expect.anything() } });
    });

    it("keeps students out, hides other instructors' questions, lets admins do everything", async () => {
      const q = await authoring.createQuestion(otto, { ...example("schedule"), slug: "otto-private" });
      await expect(authoring.listBankQuestions(sam)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(authoring.getAuthoredQuestion(sam, q.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(authoring.createQuestion(sam, { ...example("schedule"), slug: "sam-q" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(exchange.importBank(sam, [example("schedule")])).rejects.toMatchObject({ code: "FORBIDDEN" });

      await expect(authoring.getAuthoredQuestion(ines, q.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        authoring.updateQuestion(ines, q.id, { ...example("schedule"), slug: "otto-private" }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(authoring.setQuestionStatus(ines, q.id, "PUBLISHED")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(authoring.duplicateQuestion(ines, q.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      const inesBank = await authoring.listBankQuestions(ines);
      expect(inesBank.some((b) => b.slug === "otto-private")).toBe(false);
      expect(inesBank.some((b) => b.builtIn)).toBe(true);

      expect((await authoring.getAuthoredQuestion(ada, q.id)).slug).toBe("otto-private");
      const adminEdit = await authoring.updateQuestion(ada, q.id, {
        ...example("schedule"),
        slug: "otto-private",
        title: "Admin fixed it",
      });
      expect(adminEdit.title).toBe("Admin fixed it");
      expect((await authoring.listBankQuestions(ada)).some((b) => b.slug === "otto-private")).toBe(true);
    });

    it("lets instructors duplicate built-ins but only admins edit them", async () => {
      const builtIn = await db.questionTemplate.findFirstOrThrow({ where: { builtIn: true, type: "schedule" } });
      await expect(
        authoring.updateQuestion(ines, builtIn.id, (await authoring.getAuthoredQuestion(ines, builtIn.id)).spec),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      const copy = await authoring.duplicateQuestion(ines, builtIn.id);
      expect(copy).toMatchObject({ slug: `${builtIn.slug}-copy`, status: "DRAFT", builtIn: false, mine: true });
      const again = await authoring.duplicateQuestion(ines, builtIn.id);
      expect(again.slug).toBe(`${builtIn.slug}-copy-2`);
      const spec = (await authoring.getAuthoredQuestion(ada, builtIn.id)).spec;
      const adminEdit = await authoring.updateQuestion(ada, builtIn.id, { ...spec, title: `${spec.title}!` });
      expect(adminEdit.currentVersion).toBe(builtIn.currentVersion + 1);
    });

    it("filters the bank by search, topic, tag, type, difficulty and status", async () => {
      await authoring.createQuestion(ines, {
        ...example("concept"),
        slug: "inesq-filter-concept",
        title: "Zebra Concept Unique",
        tags: ["zebra-tag"],
      });
      expect((await authoring.listBankQuestions(ines, { q: "zebra concept" })).map((q) => q.slug)).toEqual([
        "inesq-filter-concept",
      ]);
      expect((await authoring.listBankQuestions(ines, { tag: "zebra-tag" })).map((q) => q.slug)).toEqual([
        "inesq-filter-concept",
      ]);
      expect((await authoring.listBankQuestions(ines, { tag: "zebra" })).length).toBe(0);
      const concepts = await authoring.listBankQuestions(ines, {
        type: "concept",
        topic: "linux-fair-scheduler",
        status: "DRAFT",
      });
      expect(concepts.map((q) => q.slug)).toEqual(["inesq-filter-concept"]);
      const easy = await authoring.listBankQuestions(ines, { difficulty: 1 });
      expect(easy.length).toBeGreaterThan(0);
      expect(easy.every((q) => q.difficulty === 1)).toBe(true);
    });

    it("exports the bank as JSON that imports back unchanged and exports identically", async () => {
      const filter = { q: "inesq-" };
      const first = await exchange.exportBank(ines, filter, "json");
      const parsed = JSON.parse(first) as { templates: unknown[] };
      expect(parsed.templates.length).toBeGreaterThan(2);
      const result = await exchange.importBank(ines, parsed.templates);
      expect(result.created).toHaveLength(0);
      expect(result.updated).toHaveLength(0);
      expect(result.unchanged.length).toBe(parsed.templates.length);
      expect(await exchange.exportBank(ines, filter, "json")).toBe(first);

      // Into another account: otto cannot overwrite ines's slugs, but a renamed copy imports as drafts.
      await expect(exchange.importBank(otto, parsed.templates)).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { "templates[0].slug": expect.anything() },
      });
      const renamed = (parsed.templates as QuestionTemplate[]).map((t) => ({
        ...t,
        slug: t.slug.replace(/^inesq-/, "ottoq-"),
      }));
      const imported = await exchange.importBank(otto, renamed);
      expect(imported.created).toHaveLength(renamed.length);
      expect(imported.created.every((q) => q.status === "DRAFT" && q.mine)).toBe(true);
      const ottoExport = JSON.parse(await exchange.exportBank(otto, { q: "ottoq-" }, "json")) as {
        templates: QuestionTemplate[];
      };
      expect(ottoExport.templates.filter((t) => renamed.some((r) => r.slug === t.slug))).toEqual(
        renamed
          .sort((a, b) => (a.slug < b.slug ? -1 : 1))
          .map((t) => JSON.parse(JSON.stringify(t)) as QuestionTemplate),
      );
    });

    it("imports all or nothing, naming each failing template", async () => {
      const good = { ...example("schedule"), slug: "import-good" };
      const badShape = { ...example("schedule"), slug: "import-bad", difficulty: 0 };
      const badGen = { ...example("metrics"), slug: "import-bad-gen", generator: { nope: true } };
      const error = await exchange.importBank(ines, [good, badShape, badGen]).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/2 of 3 templates failed/) });
      const fields = (error as { fieldErrors: Record<string, string[]> }).fieldErrors;
      expect(Object.keys(fields).some((k) => k.startsWith("templates[1].difficulty"))).toBe(true);
      expect(Object.keys(fields).some((k) => k.startsWith("templates[2].generator"))).toBe(true);
      expect(Object.keys(fields).some((k) => k.startsWith("templates[0]"))).toBe(false);
      expect(await db.questionTemplate.count({ where: { slug: "import-good" } })).toBe(0);
    });

    it("exports concept questions as GIFT and Moodle XML", async () => {
      const gift = await exchange.exportBank(ines, { type: "concept" }, "gift");
      expect(gift).toContain("::Zebra Concept Unique (default)::");
      expect(gift).toMatch(/=EEVDF/);
      const xml = await exchange.exportBank(ines, { type: "concept" }, "moodle");
      expect(xml).toMatch(/^<\?xml/);
      expect(xml).toContain('<question type="multichoice">');
      expect(xml).toContain('<question type="numerical">');
    });
  });
}
