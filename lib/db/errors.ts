import { Prisma } from "@/prisma/generated/sqlite/client";

/**
 * A unique constraint refused the write. The query builder reports it as P2002; raw SQL as P2010
 * carrying the driver adapter's UniqueConstraintViolation. Both providers' adapters raise the same kinds.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: unknown } } | undefined)?.cause;
  return error.code === "P2010" && cause?.kind === "UniqueConstraintViolation";
}
