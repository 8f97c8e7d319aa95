// Apart from the rest of the reorder model so that the answer form, which restores saved orders, does
// not bring the reorder list's keyboard and announcement logic into pages whose question has no order part.

export interface ReorderItem {
  id: string;
  label: string;
}

/** Puts `ids` in order, keeping only known ids once each and appending any the order left out. */
export function normaliseOrder(ids: readonly string[] | undefined, items: readonly ReorderItem[]): string[] {
  const known = new Set(items.map((i) => i.id));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of ids ?? []) {
    if (known.has(id) && !seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  for (const item of items) if (!seen.has(item.id)) out.push(item.id);
  return out;
}
