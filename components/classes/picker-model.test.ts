import { describe, expect, it } from "vitest";
import type { PickerQuestionDto } from "@/lib/api/dto";
import { matchesFilter, NO_FILTER, optionsOf, parseSlugs, toggleSlug } from "./picker-model";

const q = (over: Partial<PickerQuestionDto>): PickerQuestionDto => ({
  id: "id",
  slug: "slug",
  title: "Title",
  type: "schedule",
  topic: "scheduling-basics",
  difficulty: 2,
  tags: [],
  ...over,
});

describe("matchesFilter", () => {
  const rr = q({
    slug: "rr-quantum-4",
    title: "Round robin with a 4 ms quantum",
    tags: ["round-robin"],
    difficulty: 3,
  });

  it("matches every word in title, slug or tags, in any case and order", () => {
    expect(matchesFilter(rr, { ...NO_FILTER, q: "QUANTUM round" })).toBe(true);
    expect(matchesFilter(rr, { ...NO_FILTER, q: "rr-quantum" })).toBe(true);
    expect(matchesFilter(rr, { ...NO_FILTER, q: "robin" })).toBe(true);
    expect(matchesFilter(rr, { ...NO_FILTER, q: "quantum fifo" })).toBe(false);
  });

  it("applies topic, type and difficulty exactly", () => {
    expect(matchesFilter(rr, { ...NO_FILTER, topic: "scheduling-basics", type: "schedule", difficulty: "3" })).toBe(
      true,
    );
    expect(matchesFilter(rr, { ...NO_FILTER, topic: "real-time" })).toBe(false);
    expect(matchesFilter(rr, { ...NO_FILTER, type: "concept" })).toBe(false);
    expect(matchesFilter(rr, { ...NO_FILTER, difficulty: "2" })).toBe(false);
  });

  it("lets everything through with no filter", () => {
    expect(matchesFilter(q({}), NO_FILTER)).toBe(true);
  });
});

describe("slug selection", () => {
  it("adds a slug at the end and removes it again, keeping the others in order", () => {
    const once = toggleSlug("a, b", "c");
    expect(parseSlugs(once)).toEqual(["a", "b", "c"]);
    expect(parseSlugs(toggleSlug(once, "b"))).toEqual(["a", "c"]);
  });

  it("reads commas, spaces and newlines alike and drops repeats", () => {
    expect(parseSlugs(" a,b  c\nd, a ")).toEqual(["a", "b", "c", "d"]);
    expect(parseSlugs("")).toEqual([]);
  });
});

describe("optionsOf", () => {
  it("lists each value once, sorted", () => {
    expect(optionsOf([q({ type: "schedule" }), q({ type: "concept" }), q({ type: "schedule" })], "type")).toEqual([
      "concept",
      "schedule",
    ]);
  });
});
