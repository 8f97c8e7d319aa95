// Context-switch classification and pricing (figures from domain.md).
import { describe, expect, test } from "vitest";
import { run, timeline } from "./__tests__/run";

describe("context-switch accounting", () => {
  test("switches are classified as thread, process, user and idle", () => {
    const r = run({
      policy: "fifo",
      tasks: [
        { id: "a1", bursts: [1], process: "P" },
        { id: "a2", bursts: [1], process: "P" },
        { id: "b", bursts: [1], process: "Q" },
        { id: "g1", arrival: 5, bursts: [1], process: "G", userThread: true },
        { id: "g2", arrival: 5, bursts: [1], process: "G", userThread: true },
      ],
    });
    const k = r.switches.byKind;
    // a1→a2 thread, a2→b process, b→idle, idle→g1, g1→g2 user. The cold start at t=0 is not a switch.
    expect([k.thread.count, k.process.count, k.idle.count, k.user.count]).toEqual([1, 1, 2, 1]);
    expect(r.switches.total).toBe(5);
    expect(k.thread.directMs).toBeCloseTo(0.0035, 12);
    expect(k.process.directMs).toBeCloseTo(0.0043, 12);
    expect(k.user.directMs).toBeCloseTo(0.0002, 12);
    expect(r.switches.cpuTimeLostMs).toBe(0);
    expect(timeline(r.slices)).toBe("a10-1 a21-2 b2-3 g15-6 g26-7");
  });

  test("charged switches shift the schedule and are reported as lost CPU time", () => {
    const r = run({
      policy: "fifo",
      switchCost: { chargeTime: true, threadUs: 500, processUs: 1000 },
      tasks: [
        { id: "A", bursts: [10], process: "P" },
        { id: "B", bursts: [10], process: "P" },
        { id: "C", bursts: [10], process: "Q" },
      ],
    });
    expect(timeline(r.slices)).toBe("A0-10 B10.5-20.5 C21.5-31.5");
    expect(r.switches.cpuTimeLostMs).toBeCloseTo(1.5, 12);
  });

  test("refill penalty grows with the working set; without PCID a process switch also refills the TLB", () => {
    const tasks = [
      { id: "A", bursts: [1], process: "P", workingSetKb: 64 },
      { id: "B", bursts: [1], process: "Q", workingSetKb: 4096 },
    ];
    const pcid = run({ policy: "fifo", tasks, switchCost: { refillNsPerKb: 100 } });
    const noPcid = run({ policy: "fifo", tasks, switchCost: { refillNsPerKb: 100, pcid: false } });
    // 4096 KiB × 100 ns = 0.4096 ms; TLB: min(1024 pages, 1536) × 20 ns = 0.02048 ms.
    expect(pcid.switches.byKind.process.indirectMs).toBeCloseTo(0.4096, 12);
    expect(noPcid.switches.byKind.process.indirectMs).toBeCloseTo(0.4096 + 0.02048, 12);
  });
});
