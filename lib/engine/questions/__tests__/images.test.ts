// Images in prompts (issue #24): stored inside the template, checked for type, signature and size,
// and handed to the browser in the variant's view.
import { describe, expect, test } from "vitest";
import { validateTemplate } from "../template";
import { buildVariant } from "../variant";
import { template, valid } from "./helpers";

// A real 1×1 PNG, and bytes that are not one.
const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
const base = () =>
  template("concept", { parts: [{ kind: "number", id: "n", label: "How many?", answer: 3, unit: "count" }] });

describe("template images", () => {
  test("a valid image reaches the view with its alt text; templates without images are unchanged", () => {
    const t = valid({ ...base(), images: [{ name: "gantt-1.png", alt: "A Gantt chart of A, B and C", dataUrl: PNG }] });
    const v = buildVariant(t, 0);
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    expect(v.value.view.images).toEqual([{ name: "gantt-1.png", alt: "A Gantt chart of A, B and C", src: PNG }]);
    const plain = validateTemplate(base());
    expect(plain.ok && "images" in plain.value).toBe(false);
    const none = buildVariant(valid(base()), 0);
    expect(none.ok && "images" in none.value.view).toBe(false);
  });

  test.each([
    [{ name: "x.svg", alt: "a", dataUrl: "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" }, "images[0].name"],
    [{ name: "x.png", alt: "a", dataUrl: "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" }, "images[0].dataUrl"],
    [{ name: "x.png", alt: "a", dataUrl: "data:image/png;base64,R0lGODlhAQABAAAAACw=" }, "images[0].dataUrl"],
    [{ name: "x.png", alt: "", dataUrl: PNG }, "images[0].alt"],
    [{ name: "x.png", alt: "a", dataUrl: "javascript:alert(1)" }, "images[0].dataUrl"],
    [{ name: "x.png", alt: "a", dataUrl: PNG, onload: "x" }, "images[0].onload"],
  ])("refuses %j at %s", (image, path) => {
    const r = validateTemplate({ ...base(), images: [image] });
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toContain(path);
  });

  test("refuses a GIF labelled PNG, naming the type", () => {
    const r = validateTemplate({
      ...base(),
      images: [{ name: "x.png", alt: "a", dataUrl: "data:image/png;base64,R0lGODlhAQABAAAAACw=" }],
    });
    expect(r.ok ? "" : r.errors[0]!.message).toBe("the data is not a PNG image");
  });

  test("caps the size of one image, of all of them together, and their number", () => {
    // A PNG signature followed by padding, of a chosen decoded size.
    const png = (bytes: number) => {
      const head = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
      const all = new Uint8Array(bytes);
      all.set(head);
      return `data:image/png;base64,${Buffer.from(all).toString("base64")}`;
    };
    const one = validateTemplate({ ...base(), images: [{ name: "big.png", alt: "a", dataUrl: png(100 * 1024 + 3) }] });
    expect(one.ok ? "" : one.errors[0]!.message).toMatch(/at most 100 KiB/);
    const ok = validateTemplate({ ...base(), images: [{ name: "a.png", alt: "a", dataUrl: png(90 * 1024) }] });
    expect(ok.ok).toBe(true);
    const two = validateTemplate({
      ...base(),
      images: [
        { name: "a.png", alt: "a", dataUrl: png(90 * 1024) },
        { name: "b.png", alt: "b", dataUrl: png(90 * 1024) },
      ],
    });
    expect(two.ok ? [] : two.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      "images: the images must be at most 150 KiB together, got 180 KiB",
    ]);
    const five = validateTemplate({
      ...base(),
      images: ["a", "b", "c", "d", "e"].map((n) => ({ name: `${n}.png`, alt: n, dataUrl: PNG })),
    });
    expect(five.ok ? [] : five.errors.map((e) => e.path)).toContain("images");
  });
});
