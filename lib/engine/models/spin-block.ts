// Spin or block: CPU time a waiter loses while a lock is held for `holdUs` more microseconds, when a
// context switch costs `switchUs`. Spinning burns the whole wait; blocking costs a switch away and a
// switch back whatever the wait; two-phase waiting spins for as long as blocking would cost, then blocks,
// so it never loses more than twice what the better choice made with hindsight would (the classic
// competitive bound of Karlin, Li, Manasse and Owicki, SOSP 1991).
export type WaitPolicy = "spin" | "block" | "two-phase";

export function waitWasteUs(policy: WaitPolicy, holdUs: number, switchUs: number): number {
  if (policy === "spin") return holdUs;
  if (policy === "block") return 2 * switchUs;
  return holdUs <= 2 * switchUs ? holdUs : 4 * switchUs;
}
