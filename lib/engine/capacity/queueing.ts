// M/M/c waiting time via the Erlang B recurrence (numerically stable, no factorials).

/**
 * Mean time a request waits in queue at an M/M/c station: arrival rate `lambda` (1/s), `c` servers,
 * mean service time `serviceSeconds`. Returns Infinity when the station is overloaded.
 */
export function erlangCWait(lambda: number, c: number, serviceSeconds: number): number {
  if (lambda <= 0 || serviceSeconds <= 0) return 0;
  const a = lambda * serviceSeconds; // offered load in Erlangs
  const rho = a / c;
  if (rho >= 1) return Infinity;
  // B(0) = 1; B(k) = a·B(k−1) / (k + a·B(k−1)). Once k > a the terms shrink fast, so stop at ~0.
  let b = 1;
  for (let k = 1; k <= c; k++) {
    b = (a * b) / (k + a * b);
    if (k > a && b < 1e-18) return 0;
  }
  const erlangC = b / (1 - rho * (1 - b));
  return (erlangC * serviceSeconds) / (c - a);
}
