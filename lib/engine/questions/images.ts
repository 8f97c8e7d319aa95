// Images in prompts (issue #24): uploaded with the question as data: URLs inside the template, so they
// are stored, versioned and exported with it and reach the browser inside the variant's view. Only
// raster formats whose first bytes match the declared type are accepted (never SVG, which can carry
// script), and the sizes are capped so a template still fits one request body.
import { Issues, joinPath, read } from "./issues";
import type { TemplateImage } from "./types";

export const MAX_IMAGES = 4;
/** Decoded bytes per image, and for all of a template's images together. */
export const MAX_IMAGE_BYTES = 100 * 1024;
export const MAX_TOTAL_IMAGE_BYTES = 150 * 1024;

const NAME = /^[a-z0-9][a-z0-9-]{0,59}\.(png|jpe?g|gif|webp)$/;
const DATA_URL = /^data:image\/(png|jpeg|gif|webp);base64,([A-Za-z0-9+/]*={0,2})$/;
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The first bytes of a base64 text (enough to read a file signature). */
function headBytes(b64: string, n: number): number[] {
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of b64.slice(0, Math.ceil((n * 4) / 3) + 4)) {
    const v = B64.indexOf(ch);
    if (v < 0) break;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
      if (out.length === n) break;
    }
  }
  return out;
}

const SIGNATURES: Record<string, (b: number[]) => boolean> = {
  png: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  gif: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38,
  webp: (b) =>
    b[0] === 0x52 &&
    b[1] === 0x49 &&
    b[2] === 0x46 &&
    b[3] === 0x46 &&
    b[8] === 0x57 &&
    b[9] === 0x45 &&
    b[10] === 0x42 &&
    b[11] === 0x50,
};

export function decodedSize(b64: string): number {
  const pad = b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0;
  return (b64.length / 4) * 3 - pad;
}

export function validateImages(issues: Issues, v: unknown, path: string): TemplateImage[] | undefined {
  if (v === undefined) return undefined;
  const arr = read.array(issues, v, path, { min: 0, max: MAX_IMAGES }) ?? [];
  const out: TemplateImage[] = [];
  const names = new Set<string>();
  let total = 0;
  arr.forEach((raw, i) => {
    const p = joinPath(path, i);
    const o = read.object(issues, raw, p);
    if (!o) return;
    read.onlyKeys(issues, o, ["name", "alt", "dataUrl"], p);
    const name = read.string(issues, o["name"], joinPath(p, "name"), { max: 64 });
    if (name !== undefined && !NAME.test(name))
      issues.add(joinPath(p, "name"), "must be a lowercase file name such as gantt-1.png (png, jpg, gif or webp)");
    if (name !== undefined && names.has(name))
      issues.add(joinPath(p, "name"), `duplicate image name ${JSON.stringify(name)}`);
    if (name !== undefined) names.add(name);
    // The alt text is what a screen reader says instead of the picture: required.
    const alt = read.string(issues, o["alt"], joinPath(p, "alt"), { min: 1, max: 300 });
    const dataUrl = typeof o["dataUrl"] === "string" ? o["dataUrl"] : undefined;
    if (dataUrl === undefined) {
      issues.add(joinPath(p, "dataUrl"), "must be the image as a data: URL (data:image/png;base64,…)");
      return;
    }
    if (dataUrl.length > Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 100) {
      issues.add(joinPath(p, "dataUrl"), `the image must be at most ${MAX_IMAGE_BYTES / 1024} KiB`);
      return;
    }
    const m = DATA_URL.exec(dataUrl);
    if (!m || m[2]!.length % 4 !== 0) {
      issues.add(
        joinPath(p, "dataUrl"),
        "must be a base64 data: URL of a PNG, JPEG, GIF or WebP image (SVG is not accepted)",
      );
      return;
    }
    const kind = m[1]!;
    if (!SIGNATURES[kind]!(headBytes(m[2]!, 12)))
      issues.add(joinPath(p, "dataUrl"), `the data is not a ${kind.toUpperCase()} image`);
    const size = decodedSize(m[2]!);
    if (size > MAX_IMAGE_BYTES)
      issues.add(
        joinPath(p, "dataUrl"),
        `the image must be at most ${MAX_IMAGE_BYTES / 1024} KiB, got ${Math.ceil(size / 1024)} KiB`,
      );
    total += size;
    if (name !== undefined && alt !== undefined) out.push({ name, alt, dataUrl });
  });
  if (total > MAX_TOTAL_IMAGE_BYTES)
    issues.add(
      path,
      `the images must be at most ${MAX_TOTAL_IMAGE_BYTES / 1024} KiB together, got ${Math.ceil(total / 1024)} KiB`,
    );
  return out;
}
