import { describe, expect, it } from "vitest";
import { buttonClasses } from "./button";

const classes = (s: string) => s.split(/\s+/);

describe("buttonClasses", () => {
  it("uses the default size when the caller passes none", () => {
    expect(classes(buttonClasses("primary"))).toEqual(
      expect.arrayContaining(["min-h-10", "px-4", "text-sm", "bg-primary"]),
    );
  });

  it("lets a caller's height, padding and text size replace the defaults instead of stacking with them", () => {
    const small = classes(buttonClasses("secondary", "min-h-8 px-2 text-xs"));
    expect(small).toEqual(expect.arrayContaining(["min-h-8", "px-2", "text-xs", "border-border"]));
    expect(small).not.toContain("min-h-10");
    expect(small).not.toContain("px-4");
    expect(small).not.toContain("text-sm");
  });

  it("keeps the defaults next to unrelated classes, and a text colour is not a text size", () => {
    const spaced = classes(buttonClasses("ghost", "mt-2 text-danger"));
    expect(spaced).toEqual(expect.arrayContaining(["min-h-10", "px-4", "text-sm", "mt-2", "text-danger"]));
  });
});
