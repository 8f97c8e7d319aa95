// The parts of autocannon 9's programmatic API that bench/stack.bench.ts uses: no @types/autocannon is
// installed, and these are checked against node_modules/autocannon/README.md and lib/ (run.js, httpClient.js).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  /** What autocannon turns into the raw HTTP/1.1 bytes it writes (it adds Host, keep-alive and Content-Length). */
  export interface RequestParams {
    method?: "GET" | "POST";
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }

  export interface Request extends RequestParams {
    /** Called again before every send when present (the bytes are rebuilt), so each send can differ. */
    setupRequest?: (request: RequestParams, context: Record<string, unknown>) => RequestParams;
  }

  /** One per connection. */
  export interface Client extends EventEmitter {
    setRequests(requests: Request[]): void;
  }

  export interface Options {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds to wait for an answer before the connection is dropped and counted as a timeout. */
    timeout?: number;
    /** Leave non-2xx answers out of the latency histogram. */
    excludeErrorStats?: boolean;
    requests?: Request[];
    /** Called once per connection as it is created, before its first request is sent. */
    setupClient?: (client: Client) => void;
  }

  export interface Histogram {
    average: number;
    p50: number;
    p99: number;
    min: number;
    max: number;
  }

  export interface Result {
    /** Per-second samples of completed requests (any status); `sent` counts requests written. */
    requests: Histogram & { total: number; sent: number };
    /** Milliseconds, whole numbers (hdr histogram, lowest discernible value 1). */
    latency: Histogram;
    /** Seconds. */
    duration: number;
    /** Connection errors, timeouts included. */
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    statusCodeStats: Record<string, { count: number }>;
  }

  /** The run: an event emitter that is also awaited for its result. */
  export interface Instance extends EventEmitter, PromiseLike<Result> {
    stop(): void;
  }

  export default function autocannon(options: Options): Instance;
}
