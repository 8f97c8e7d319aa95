// Formatting shared by the class and report views. Requests go through lib/api/client.ts.

export function percent(x: number | null | undefined): string {
  return x === null || x === undefined ? "—" : `${Math.round(x * 100)}%`;
}
