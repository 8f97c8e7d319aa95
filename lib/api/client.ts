// The browser's one client for the JSON API. Every route answers a failure as
// { error: { code, message, fields? } } (lib/server/http.ts); this turns that, a network failure and a
// body that is not JSON alike into one ApiError, so forms show a message and field errors one way.

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    /** The server's error code (e.g. INVALID_INPUT), or NETWORK / BAD_RESPONSE from this client. */
    readonly code: string,
    message: string,
    /** Messages per request field, for forms to show beside their inputs. */
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export type ApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiOptions {
  method?: ApiMethod;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function isErrorBody(payload: unknown): payload is ApiErrorBody {
  const error = (payload as { error?: unknown } | null)?.error;
  return typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string";
}

/** The response's JSON as T, or an ApiError with the server's message and field errors. */
export async function apiJson<T>(url: string, options: ApiOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? "GET",
      headers: { "content-type": "application/json", ...options.headers },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "NETWORK", "could not reach the server; check the connection and try again");
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isErrorBody(payload))
      throw new ApiError(response.status, payload.error.code, payload.error.message, payload.error.fields ?? {});
    throw new ApiError(response.status, "BAD_RESPONSE", `request failed (${response.status})`);
  }
  return payload as T;
}

/** A thrown value as one line for the page. */
export function errorMessage(error: unknown, fallback = "something went wrong"): string {
  return error instanceof Error && error.message ? error.message : fallback;
}
