// Small bounded memo tables for pure, deterministic work that repeats across variants of one template
// (validating its generator, modelling the same program source). Results are shared, so callers must
// treat them as read-only; the bound keeps memory flat however many templates pass through.
export function boundedMemo<V>(limit: number): (key: string, compute: () => V) => V {
  const table = new Map<string, V>();
  return (key, compute) => {
    const hit = table.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    if (table.size >= limit) table.clear();
    table.set(key, value);
    return value;
  };
}
