import "server-only";
import { type BankFilter, bankFilterSchema } from "@/lib/validation/questions";
import { AppError } from "../errors";

/** The bank filter from a URL's query string; a bad value is a 400 naming the parameter. */
export function parseBankFilter(params: URLSearchParams): BankFilter {
  const raw = Object.fromEntries([...params.entries()].filter(([k, v]) => k !== "format" && v !== ""));
  const parsed = bankFilterSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new AppError("INVALID_INPUT", `${first.path.join(".")}: ${first.message}`, {
      [first.path.join(".")]: [first.message],
    });
  }
  return parsed.data;
}
