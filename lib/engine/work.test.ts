import { describe, expect, test } from "vitest";
import { analyzeForkProgram } from "./process/index";
import { chargeWork, withWorkBudget, WorkBudgetExceeded } from "./work";

const loop = (n: number) =>
  `#include <stdio.h>\nint main(void) {\n  long s = 0;\n  for (long j = 0; j < ${n}; j++) s += j;\n  printf("%ld\\n", s);\n  return 0;\n}\n`;

describe("work meter", () => {
  test("charging without a meter does nothing; under one it counts interpreter steps, more for a longer loop", () => {
    expect(() => chargeWork()).not.toThrow();
    const short = withWorkBudget("test", Infinity, () => analyzeForkProgram(loop(10)));
    const long = withWorkBudget("test", Infinity, () => analyzeForkProgram(loop(1000)));
    expect(short.value.ok && long.value.ok).toBe(true);
    expect(short.used).toBeGreaterThan(10);
    expect(long.used).toBeGreaterThan(short.used + 990);
  });

  test("stops at the limit with an error naming the budget, not the program's own step limit", () => {
    const attempt = () => withWorkBudget("per-variant", 5_000, () => analyzeForkProgram(loop(1_000_000)));
    expect(attempt).toThrow(WorkBudgetExceeded);
    expect(attempt).toThrow("the per-variant budget of 5000 interpreter steps is used up");
  });

  test("nested budgets count against both, and the one that runs out is named", () => {
    const outer = withWorkBudget("per-template", 1_000_000, () => {
      const inner = withWorkBudget("per-variant", 1_000_000, () => analyzeForkProgram(loop(100)));
      return inner.used;
    });
    expect(outer.used).toBe(outer.value);
    const error = (() => {
      try {
        withWorkBudget("per-template", 3_000, () =>
          withWorkBudget("per-variant", 1_000_000, () => analyzeForkProgram(loop(1_000_000))),
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ budget: "per-template", limit: 3_000 });
  });
});
