// Browser-side calls to the progress routes; errors carry the server's one-line message.
export class ProgressRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function callJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  const payload = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const message = (payload as { error?: { message?: string } } | null)?.error?.message ?? `request failed (${response.status})`;
    throw new ProgressRequestError(response.status, message);
  }
  return payload as T;
}

export function newSubmissionId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}
