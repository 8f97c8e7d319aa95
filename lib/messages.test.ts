import { describe, expect, it } from "vitest";
import { parseQuantity } from "./units";
import { distinctMessages } from "./messages";

describe("distinctMessages", () => {
  it("says a number parse error once, whether it arrives bare, twice or prefixed with the part's label", () => {
    const parsed = parseQuantity("abc", "ms");
    expect(parsed.ok).toBe(false);
    const message = parsed.ok ? "" : parsed.message;
    // The blur check and the submit check both report it; the server prefixes the part's label.
    const shown = distinctMessages([message, message, `Average wait: ${message}`]);
    expect(shown).toEqual([`Average wait: ${message}`]);
    expect(shown.join(" ").split("is not a number")).toHaveLength(2);
  });

  it("keeps different messages in their order and drops blanks", () => {
    expect(distinctMessages(["b is wrong", " ", "a is wrong", "b is wrong "])).toEqual(["b is wrong", "a is wrong"]);
  });
});
