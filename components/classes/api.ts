// JSON requests from the class and report forms; errors carry the server's message and field errors.

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly fields: Record<string, string[]>,
    message: string,
  ) {
    super(message);
  }
}

export async function sendJson<T>(url: string, method: "POST" | "PATCH" | "GET" | "DELETE", body?: unknown): Promise<T> {
  const response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const payload = (await response.json().catch(() => null)) as T | ApiErrorBody | null;
  if (!response.ok) {
    const error = (payload as ApiErrorBody | null)?.error;
    throw new ApiError(response.status, error?.fields ?? {}, error?.message ?? `request failed (${response.status})`);
  }
  return payload as T;
}

export function percent(x: number | null | undefined): string {
  return x === null || x === undefined ? "—" : `${Math.round(x * 100)}%`;
}
