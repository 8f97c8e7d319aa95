// What the authoring API returns, as the browser sees it (mirrors the DTOs of lib/server/dal/authoring).
import type { QuestionTemplate } from "@/lib/engine/questions";

export type QuestionStatus = "DRAFT" | "PUBLISHED" | "ARCHIVED";

export interface BankQuestion {
  id: string;
  slug: string;
  title: string;
  type: string;
  topic: string;
  difficulty: number;
  tags: string[];
  status: QuestionStatus;
  builtIn: boolean;
  mine: boolean;
  editable: boolean;
  currentVersion: number;
  updatedAt: string;
}

export interface AuthoredQuestion extends BankQuestion {
  spec: QuestionTemplate;
  versions: { version: number; createdAt: string; attempts: number }[];
}

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]> };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(body?.error.message ?? `request failed (${status})`);
  }
}

export async function callApi<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  const payload = (await response.json().catch(() => null)) as T | ApiErrorBody | null;
  if (!response.ok) throw new ApiError(response.status, payload as ApiErrorBody | null);
  return payload as T;
}
