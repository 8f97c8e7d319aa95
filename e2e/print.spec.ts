import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { DEMO_INSTRUCTOR, DEMO_STUDENT, signIn } from "./support";

/** Axe on the page as it stands: no serious or critical violation. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/**
 * Every QR code on one rasterised page. jsQR reads one code per image, so the column the codes are printed
 * in (the right of the page) is read in overlapping bands, and each code found is painted over before
 * looking again. Only links to a printed question count: a misread fragment is not a code.
 */
function decodeAll(png: PNG): string[] {
  const found = new Set<string>();
  const left = Math.floor(png.width * 0.6);
  const width = png.width - left;
  const band = Math.round(png.width * 0.3);
  for (let top = 0; top < png.height; top += Math.round(band / 3)) {
    const height = Math.min(band, png.height - top);
    const data = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++)
      data.set(
        png.data.subarray(((top + y) * png.width + left) * 4, ((top + y) * png.width + png.width) * 4),
        y * width * 4,
      );
    for (let tries = 0; tries < 4; tries++) {
      const code = jsQR(data, width, height, { inversionAttempts: "dontInvert" });
      if (!code) break;
      if (/^https?:\/\/[^/]+\/v\/[0-9A-Z]{8}$/.test(code.data)) found.add(code.data);
      const corners = [
        code.location.topLeftCorner,
        code.location.topRightCorner,
        code.location.bottomLeftCorner,
        code.location.bottomRightCorner,
      ];
      const xs = corners.map((c) => c.x);
      const ys = corners.map((c) => c.y);
      const pad = 8;
      for (
        let y = Math.max(0, Math.floor(Math.min(...ys)) - pad);
        y < Math.min(height, Math.ceil(Math.max(...ys)) + pad);
        y++
      ) {
        const from = Math.max(0, Math.floor(Math.min(...xs)) - pad);
        const to = Math.min(width, Math.ceil(Math.max(...xs)) + pad);
        if (to > from) data.fill(255, (y * width + from) * 4, (y * width + to) * 4);
      }
    }
  }
  return [...found];
}

interface Printed {
  copy: number;
  code: string;
  shownCode: string;
  text: string;
}

test("an instructor prints a two-copy exam to PDF: copies differ, every QR code opens its own variant, the key is a separate page", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO_INSTRUCTOR);
  await page.goto("/teach/print");
  await expectAccessible(page);
  await page.getByLabel("Title").fill("E2E midterm");
  await page.getByLabel(/Questions \(slugs/).fill("sjf-vs-stcf-timeline littles-law-threads-needed");
  await page.getByLabel("Copies").fill("2");
  await page.getByLabel("Variant key").fill(`e2e-${Date.now()}`);
  await page.getByRole("button", { name: "Make the sheets" }).click();
  await expect(page.getByTestId("print-copy")).toHaveCount(2);
  await expectAccessible(page);

  const printed: Printed[] = [];
  for (const copy of await page.getByTestId("print-copy").all()) {
    const number = Number(await copy.getAttribute("data-copy"));
    for (const question of await copy.getByTestId("print-question").all()) {
      printed.push({
        copy: number,
        code: (await question.getAttribute("data-code"))!,
        shownCode: (await question.getByTestId("print-code").innerText()).trim(),
        text: (await question.locator('[data-slot="question-view"]').innerText()).trim(),
      });
    }
  }
  expect(printed.map((p) => p.copy)).toEqual([1, 1, 2, 2]);
  expect(new Set(printed.map((p) => p.code)).size).toBe(4);
  for (const p of printed) expect(p.shownCode.replace("-", "")).toBe(p.code);
  // Each copy has its own variants.
  expect(printed.filter((p) => p.copy === 1).map((p) => p.text)).not.toEqual(
    printed.filter((p) => p.copy === 2).map((p) => p.text),
  );
  // A blank grid for the schedule question, and no answer on the sheets.
  await expect(page.getByTestId("print-timeline-grid")).toHaveCount(2);
  await expect(page.getByRole("figure", { name: /Reference schedule/ })).toHaveCount(0);

  const dir = mkdtempSync(path.join(os.tmpdir(), "timeslice-print-"));
  try {
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(path.join(dir, "exam.pdf"), pdf);
    await test.info().attach("exam.pdf", { body: pdf, contentType: "application/pdf" });
    execFileSync("pdftoppm", ["-r", "150", "-png", path.join(dir, "exam.pdf"), path.join(dir, "page")]);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith(".png"))
      .sort();
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const decoded = pages.map((f) => decodeAll(PNG.sync.read(readFileSync(path.join(dir, f)))));
    const all = decoded.flat();
    // Every printed question's code is on paper exactly once, as a link to /v/<code> on this site.
    expect(all.map((url) => new URL(url).pathname).sort()).toEqual(printed.map((p) => `/v/${p.code}`).sort());
    // The copies are on separate pages: no page carries codes of both.
    for (const onPage of decoded) {
      const copies = new Set(onPage.map((url) => printed.find((p) => url.endsWith(`/v/${p.code}`))!.copy));
      expect(copies.size).toBeLessThanOrEqual(1);
    }

    // Each decoded link opens exactly the printed variant for a signed-in student.
    const context = await browser.newContext();
    const student = await context.newPage();
    await signIn(student, DEMO_STUDENT);
    for (const url of all) {
      const p = printed.find((q) => url.endsWith(`/v/${q.code}`))!;
      await student.goto(new URL(url).pathname);
      await expect(student.locator('[data-slot="question-view"]')).toHaveCount(1);
      expect((await student.locator('[data-slot="question-view"]').innerText()).trim()).toBe(p.text);
    }
    // The short code typed by hand leads to the same place.
    await student.goto("/v");
    await student.getByLabel("Code").fill(printed[1]!.shownCode.toLowerCase());
    await student.getByRole("button", { name: "Open" }).click();
    await expect(student).toHaveURL(new RegExp(`/v/${printed[1]!.shownCode}$`, "i"));
    expect((await student.locator('[data-slot="question-view"]').innerText()).trim()).toBe(printed[1]!.text);
    await expectAccessible(student);
    // The key is for instructors only.
    const keyHref = (await page.getByRole("link", { name: "Answer key" }).getAttribute("href"))!;
    expect((await student.request.get(keyHref, { maxRedirects: 0 })).status()).toBe(403);
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The answer key: the same variants, in the same order, with the reference schedules drawn.
  await page.getByRole("link", { name: "Answer key" }).click();
  await expect(page.getByTestId("key-question")).toHaveCount(4);
  expect(
    await page.getByTestId("key-question").evaluateAll((els) => els.map((e) => e.getAttribute("data-code"))),
  ).toEqual(printed.map((p) => p.code));
  await expect(page.getByRole("figure", { name: /Reference schedule/ })).toHaveCount(2);
  await expectAccessible(page);
});
