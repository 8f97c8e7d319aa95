// 1,000 seeded variants each of the scheduling kinds (schedule, metrics, switch-cost).
import { describe, test } from "vitest";
import { template } from "./helpers";
import { checkGradingProperty } from "./property";

describe("scheduling kinds: reference scores 1, perturbed < 1", () => {
  test("schedule: textbook policies with I/O, 1,000 variants", () => {
    checkGradingProperty(
      template("schedule", {
        policy: [
          { name: "rr", quantum: 2 },
          "stcf",
          "sjf",
          "fifo",
          { name: "priority", preemptive: true },
          { name: "mlfq", quanta: [1, 2, 4] },
        ],
        tasks: [2, 4],
        cpuBurst: [1, 4],
        ioBurst: [1, 3],
        burstsPerTask: [1, 2],
        priority: [1, 3],
        arrivalSpread: 5,
        maxSlots: 60,
      }),
      1000,
    );
  });
  test("schedule: EEVDF / CFS with a real-time task at tick granularity, 300 variants", () => {
    checkGradingProperty(
      template("schedule", {
        policy: [
          { name: "eevdf", hz: 250 },
          { name: "cfs", hz: 250 },
        ],
        tasks: [2, 3],
        cpuBurst: [1, 3],
        classes: ["other", "other", "rr"],
        nice: [0, 5, -5],
        horizon: 40,
        slotMs: 4,
        timeUnitMs: 4,
      }),
      300,
    );
  });
  test("schedule: charged switch cost, 300 variants", () => {
    checkGradingProperty(
      template("schedule", { policy: { name: "rr", quantum: 2 }, tasks: [2, 3], cpuBurst: [1, 4], switchMs: 1 }),
      300,
    );
  });
  test("metrics with a timeline (error carried forward), 1,000 variants", () => {
    checkGradingProperty(
      template("metrics", {
        policy: [{ name: "rr", quantum: 1 }, "stcf", "fifo"],
        tasks: [2, 3],
        cpuBurst: [1, 4],
        arrivalSpread: 4,
        timeline: true,
        ask: [{ metric: "turnaround", task: "average" }, { metric: "response", task: "each" }, { metric: "switches" }],
      }),
      1000,
    );
  });
  test("switch-cost, 1,000 variants", () => {
    checkGradingProperty(
      template("switch-cost", {
        policy: { name: "rr", quantum: 2 },
        tasks: [2, 4],
        cpuBurst: [1, 6],
        processes: 2,
        ask: ["totalOverheadUs", "threadSwitches", "processSwitches", { what: "switchesWithQuantum", quantum: 1 }],
      }),
      1000,
    );
  });
});
