import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./client";

const dir = mkdtempSync(path.join(os.tmpdir(), "timeslice-tx-gate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two ordinary inserts sent while a transaction is open on the same client (one connection, as two
 * requests in one server process), then the transaction ends as told; returns the rows.
 */
async function duringTransaction(end: "commit" | "rollback") {
  const prisma = createPrismaClient({ provider: "sqlite", url: path.join(dir, `${end}.db`) });
  try {
    await prisma.$executeRawUnsafe("CREATE TABLE t (id INTEGER PRIMARY KEY, who TEXT NOT NULL)");
    let opened!: () => void;
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    let issued!: () => void;
    const outsideIssued = new Promise<void>((resolve) => (issued = resolve));
    const transaction = prisma.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO t (id, who) VALUES (${1}, ${"transaction"})`;
      opened();
      await outsideIssued;
      // Give a query that slipped into the open transaction every chance to run inside it.
      await sleep(150);
      if (end === "rollback") throw new Error("rolled back on purpose");
    });
    await isOpen;
    // A Prisma query starts when it is then'd, not when it is built: start both now.
    const others = [2, 3].map((n) =>
      prisma.$executeRaw`INSERT INTO t (id, who) VALUES (${n}, ${"outside"})`.then((count) => count),
    );
    issued();
    if (end === "rollback") await expect(transaction).rejects.toThrow("rolled back on purpose");
    else await transaction;
    await Promise.all(others);
    return (await prisma.$queryRaw<{ id: number; who: string }[]>`SELECT id, who FROM t ORDER BY id`).map(
      (r) => `${r.id}:${r.who}`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

describe("a SQLite transaction and other requests' queries", () => {
  it("keeps another request's write out of a transaction that rolls back", async () => {
    // Without the gate the two inserts below ran inside the open transaction and vanished with it.
    const rows = await duringTransaction("rollback");
    expect(rows).toEqual(["2:outside", "3:outside"]);
  });

  it("lets a transaction that commits keep its own rows, and the others theirs", async () => {
    const rows = await duringTransaction("commit");
    expect(rows).toEqual(["1:transaction", "2:outside", "3:outside"]);
  });
});
