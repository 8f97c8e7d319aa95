// Promise semantics after ECMA-262 §27.2 (PerformPromiseThen, resolving functions, thenable jobs).
// The tick counts matter for ordering: resolving with a promise costs two extra microtasks
// (NewPromiseResolveThenableJob, then the inner then's reaction), and `await p` on a native promise costs one.
import { isCallable, JsThrow, type PromiseValue, type Reaction, type Value } from "./values";

export interface PromiseHost {
  enqueueMicrotask(run: () => void, source: string): void;
  /** Calls a user or native function synchronously; JsThrow escapes when it throws. */
  call(f: Value, args: Value[]): Value;
  /** Records rejections without a handler; Node 20 crashes on them. */
  trackRejection(p: PromiseValue, handled: boolean): void;
}

export function newPromise(): PromiseValue {
  return {
    kind: "promise",
    state: "pending",
    value: undefined,
    reactions: { fulfill: [], reject: [] },
    handled: false,
  };
}

function settle(host: PromiseHost, p: PromiseValue, state: "fulfilled" | "rejected", value: Value): void {
  const reactions = state === "fulfilled" ? p.reactions.fulfill : p.reactions.reject;
  p.state = state;
  p.value = value;
  p.reactions = { fulfill: [], reject: [] };
  if (state === "rejected" && !p.handled) host.trackRejection(p, false);
  for (const r of reactions) enqueueReaction(host, r, state, value);
}

function enqueueReaction(host: PromiseHost, r: Reaction, state: "fulfilled" | "rejected", arg: Value): void {
  const handler = state === "fulfilled" ? r.onFulfilled : r.onRejected;
  const source =
    typeof handler === "object" && handler !== null && handler.kind === "native" && handler.name === "await"
      ? "await continuation"
      : "promise reaction";
  host.enqueueMicrotask(() => {
    if (!isCallable(handler)) {
      if (state === "fulfilled") r.derived?.resolve(arg);
      else r.derived?.reject(arg);
      return;
    }
    let result: Value;
    try {
      result = host.call(handler, [arg]);
    } catch (e) {
      if (e instanceof JsThrow) {
        if (r.derived) r.derived.reject(e.value);
        return;
      }
      throw e;
    }
    r.derived?.resolve(result);
  }, source);
}

export function resolvingFunctions(
  host: PromiseHost,
  p: PromiseValue,
): { resolve: (v: Value) => void; reject: (v: Value) => void } {
  let alreadyResolved = false;
  const reject = (reason: Value): void => {
    if (alreadyResolved) return;
    alreadyResolved = true;
    settle(host, p, "rejected", reason);
  };
  const resolve = (resolution: Value): void => {
    if (alreadyResolved) return;
    alreadyResolved = true;
    if (resolution === p) {
      settle(host, p, "rejected", "TypeError: Chaining cycle detected for promise");
      return;
    }
    if (typeof resolution === "object" && resolution !== null && resolution.kind === "promise") {
      const inner = resolution;
      // NewPromiseResolveThenableJob: one microtask to call inner.then, whose reaction is a second one.
      host.enqueueMicrotask(() => {
        const fresh = resolvingFunctionsUnchecked(host, p);
        performThen(host, inner, nativeHandler(fresh.resolve), nativeHandler(fresh.reject));
      }, "promise resolve-thenable job");
      return;
    }
    if (
      typeof resolution === "object" &&
      resolution !== null &&
      resolution.kind === "object" &&
      resolution.props.has("then")
    ) {
      const then = resolution.props.get("then");
      if (isCallable(then)) {
        host.enqueueMicrotask(() => {
          const fresh = resolvingFunctionsUnchecked(host, p);
          try {
            host.call(then, [nativeHandler(fresh.resolve), nativeHandler(fresh.reject)]);
          } catch (e) {
            if (e instanceof JsThrow) fresh.reject(e.value);
            else throw e;
          }
        }, "promise resolve-thenable job");
        return;
      }
    }
    settle(host, p, "fulfilled", resolution);
  };
  return { resolve, reject };
}

// The thenable job creates a new pair of resolving functions for the same promise.
function resolvingFunctionsUnchecked(host: PromiseHost, p: PromiseValue) {
  return resolvingFunctions(host, p);
}

function nativeHandler(f: (v: Value) => void): Value {
  return { kind: "native", name: "", call: (args) => (f(args[0]), undefined) };
}

export function performThen(
  host: PromiseHost,
  p: PromiseValue,
  onFulfilled: Value,
  onRejected: Value,
  derived?: Reaction["derived"],
): void {
  const reaction: Reaction = { onFulfilled, onRejected, derived };
  if (p.state === "pending") {
    p.reactions.fulfill.push(reaction);
    p.reactions.reject.push(reaction);
  } else {
    if (p.state === "rejected" && !p.handled) host.trackRejection(p, true);
    enqueueReaction(host, reaction, p.state, p.value);
  }
  p.handled = true;
}

/** `promise.then(a, b)`: returns the derived promise. */
export function promiseThen(host: PromiseHost, p: PromiseValue, onFulfilled: Value, onRejected: Value): PromiseValue {
  const derived = newPromise();
  performThen(host, p, onFulfilled, onRejected, resolvingFunctions(host, derived));
  return derived;
}

/** PromiseResolve(%Promise%, v): a native promise is returned as is. */
export function promiseResolve(host: PromiseHost, v: Value): PromiseValue {
  if (typeof v === "object" && v !== null && v.kind === "promise") return v;
  const p = newPromise();
  resolvingFunctions(host, p).resolve(v);
  return p;
}

export function rejectedPromise(host: PromiseHost, reason: Value): PromiseValue {
  const p = newPromise();
  resolvingFunctions(host, p).reject(reason);
  return p;
}

/** `promise.finally(f)` after §27.2.5.3: each handler calls f, then waits for its result via a then. */
export function promiseFinally(host: PromiseHost, p: PromiseValue, onFinally: Value): PromiseValue {
  if (!isCallable(onFinally)) return promiseThen(host, p, onFinally, onFinally);
  const thenFinally: Value = {
    kind: "native",
    name: "",
    call: (args) => {
      const value = args[0];
      const result = host.call(onFinally, []);
      return promiseThen(
        host,
        promiseResolve(host, result),
        { kind: "native", name: "", call: () => value },
        undefined,
      );
    },
  };
  const catchFinally: Value = {
    kind: "native",
    name: "",
    call: (args) => {
      const reason = args[0];
      const result = host.call(onFinally, []);
      return promiseThen(
        host,
        promiseResolve(host, result),
        {
          kind: "native",
          name: "",
          call: () => {
            throw new JsThrow(reason);
          },
        },
        undefined,
      );
    },
  };
  return promiseThen(host, p, thenFinally, catchFinally);
}

/** Promise.all after §27.2.4.1: one then per element on PromiseResolve(element). */
export function promiseAll(host: PromiseHost, items: Value[]): PromiseValue {
  const result = newPromise();
  const { resolve, reject } = resolvingFunctions(host, result);
  const values: Value[] = new Array<Value>(items.length).fill(undefined);
  let remaining = 1;
  items.forEach((item, index) => {
    remaining++;
    let called = false;
    const onFulfilled: Value = {
      kind: "native",
      name: "",
      call: (args) => {
        if (called) return undefined;
        called = true;
        values[index] = args[0];
        if (--remaining === 0) resolve({ kind: "array", items: values });
        return undefined;
      },
    };
    const derived = newPromise();
    performThen(
      host,
      promiseResolve(host, item),
      onFulfilled,
      nativeHandler(reject),
      resolvingFunctions(host, derived),
    );
  });
  if (--remaining === 0) resolve({ kind: "array", items: values });
  return result;
}

/** Promise.allSettled after §27.2.4.2: each element settles into { status, value | reason }. */
export function promiseAllSettled(host: PromiseHost, items: Value[]): PromiseValue {
  const result = newPromise();
  const { resolve } = resolvingFunctions(host, result);
  const values: Value[] = new Array<Value>(items.length).fill(undefined);
  let remaining = 1;
  items.forEach((item, index) => {
    remaining++;
    let called = false;
    const settleWith = (status: string, key: string): Value => ({
      kind: "native",
      name: "",
      call: (args) => {
        if (called) return undefined;
        called = true;
        values[index] = {
          kind: "object",
          props: new Map<string, Value>([
            ["status", status],
            [key, args[0]],
          ]),
        };
        if (--remaining === 0) resolve({ kind: "array", items: values });
        return undefined;
      },
    });
    const derived = newPromise();
    performThen(
      host,
      promiseResolve(host, item),
      settleWith("fulfilled", "value"),
      settleWith("rejected", "reason"),
      resolvingFunctions(host, derived),
    );
  });
  if (--remaining === 0) resolve({ kind: "array", items: values });
  return result;
}

/** Promise.race after §27.2.4.5: the first element to settle settles the result. */
export function promiseRace(host: PromiseHost, items: Value[]): PromiseValue {
  const result = newPromise();
  const { resolve, reject } = resolvingFunctions(host, result);
  for (const item of items) {
    const derived = newPromise();
    performThen(
      host,
      promiseResolve(host, item),
      nativeHandler(resolve),
      nativeHandler(reject),
      resolvingFunctions(host, derived),
    );
  }
  return result;
}
