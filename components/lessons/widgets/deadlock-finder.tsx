"use client";
// Two threads each take two locks in an order the student picks; the race model searches every
// interleaving for one that ends in a wait-for cycle, or proves over all of them that none does.
import { useMemo, useState } from "react";
import { compilePseudoC, findDeadlock, runInterleaving, type RaceSystem } from "@/lib/engine/races";
import { StepList } from "./race-kit";
import { SelectField, Stat, WidgetFrame } from "./widget-kit";

type Order = "ab" | "ba";
const ORDERS: readonly { value: Order; label: string }[] = [
  { value: "ab", label: "lock(A), then lock(B)" },
  { value: "ba", label: "lock(B), then lock(A)" },
];
const sourceOf = (order: Order) => {
  const [first, second] = order === "ab" ? ["A", "B"] : ["B", "A"];
  return `lock(${first}); lock(${second}); count++; unlock(${second}); unlock(${first});`;
};

export function DeadlockFinderWidget() {
  const [orders, setOrders] = useState<[Order, Order]>(["ab", "ba"]);
  const report = useMemo(() => {
    const system: RaceSystem = {
      threads: orders.map((o) => ({ program: compilePseudoC(sourceOf(o), ["count"]) })),
    };
    return { system, result: findDeadlock(system) };
  }, [orders]);
  const { result } = report;
  const steps = useMemo(
    () => (result.deadlock ? runInterleaving(report.system, result.interleaving).steps : []),
    [result, report.system],
  );

  return (
    <WidgetFrame
      title="Find the deadlock"
      intro="Each thread takes two locks, increments count, and releases them. Choose each thread's order; the checker explores every interleaving for a circular wait."
    >
      <div className="grid gap-3 sm:grid-cols-2">
        {orders.map((o, i) => (
          <SelectField
            key={i}
            label={`Thread ${i}`}
            value={o}
            options={ORDERS}
            onChange={(v) => setOrders(i === 0 ? [v, orders[1]] : [orders[0], v])}
          />
        ))}
      </div>
      <div className="grid grid-cols-2 gap-2">
        <Stat label="Deadlock" value={result.deadlock ? "possible" : "none"} />
        <Stat label="States explored" value={String(result.states)} />
      </div>
      <div className="text-sm" aria-live="polite" data-testid="deadlock-verdict">
        {result.deadlock ? (
          <>
            <p>Deadlock after {result.interleaving.length} instructions. Wait-for cycle:</p>
            <ul className="list-disc pl-5 font-mono text-xs">
              {result.cycle.map((e) => (
                <li key={e.thread}>
                  thread {e.thread} waits for {e.mutex}, held by thread {e.heldBy}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>
            None: lock ordering. In all {result.states} reachable states no thread waits for a lock held by a thread
            that waits in turn{orders[0] === orders[1] ? ", because both threads take A and B in the same order" : ""}.
          </p>
        )}
      </div>
      {result.deadlock && <StepList steps={steps} label="Interleaving that deadlocks" />}
    </WidgetFrame>
  );
}
