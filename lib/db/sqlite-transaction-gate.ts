// Prisma's better-sqlite3 adapter runs everything on one connection. It queues transactions behind each
// other, but not ordinary queries behind a transaction: a query from another request that arrives while
// a transaction is open (BEGIN done, the transaction awaiting its next statement) runs inside it. When
// that transaction rolls back (a replayed submission hitting the unique index, a conflict), the other
// request's write is undone after it was acknowledged; if the process dies before the commit, it is
// lost. Seen in a kill -9 load run: a variant created (201), then "no such variant".
//
// The gate is one first-come, first-served lock per connection: an ordinary query holds it for the
// time it runs (better-sqlite3 runs it synchronously), a transaction from before its BEGIN until its
// commit or rollback. Queries inside a transaction go through the transaction's own object and never
// wait for the gate. (PostgreSQL needs none of this: every transaction has a pooled connection.)

/** The parts of Prisma's driver-adapter interface the gate wraps. */
interface Queryable {
  queryRaw(query: unknown): Promise<unknown>;
  executeRaw(query: unknown): Promise<number>;
}
interface TransactionLike extends Queryable {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}
export interface GatedAdapter extends Queryable {
  executeScript(script: string): Promise<void>;
  startTransaction(isolationLevel?: never): Promise<TransactionLike>;
}

/** First come, first served; acquire() resolves with the function that releases the lock. */
class Lock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => held);
    return previous.then(() => release);
  }
}

export function gateQueriesOnTransactions<A extends GatedAdapter>(adapter: A): A {
  const lock = new Lock();
  const exclusive = async <T>(run: () => Promise<T>): Promise<T> => {
    const release = await lock.acquire();
    try {
      return await run();
    } finally {
      release();
    }
  };

  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const executeScript = adapter.executeScript.bind(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.queryRaw = (query) => exclusive(() => queryRaw(query));
  adapter.executeRaw = (query) => exclusive(() => executeRaw(query));
  adapter.executeScript = (script) => exclusive(() => executeScript(script));
  adapter.startTransaction = async (isolationLevel) => {
    const release = await lock.acquire();
    let transaction: TransactionLike;
    try {
      transaction = await startTransaction(isolationLevel);
    } catch (error) {
      release();
      throw error;
    }
    // Released once, by whichever of commit and rollback ends the transaction (Prisma sends the COMMIT
    // or ROLLBACK statement through the transaction first, then calls these).
    let open = true;
    const ending = (end: () => Promise<void>) => async () => {
      try {
        await end();
      } finally {
        if (open) {
          open = false;
          release();
        }
      }
    };
    transaction.commit = ending(transaction.commit.bind(transaction));
    transaction.rollback = ending(transaction.rollback.bind(transaction));
    return transaction;
  };
  return adapter;
}
