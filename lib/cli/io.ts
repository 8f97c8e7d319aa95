import { readFileSync, writeSync } from "node:fs";
import path from "node:path";

/** What a command may touch of the outside world; tests pass a recording implementation. */
export interface CliIo {
  /**
   * Writes to standard output: text, or bytes that are already UTF-8 (large outputs skip a string).
   * The caller may reuse the bytes' memory once `out` returns.
   */
  out(output: string | Uint8Array): void;
  err(text: string): void;
  /** Reads a file path, or standard input when the path is "-". */
  readInput(path: string): string;
}

function isAgain(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "EAGAIN";
}

/** Descriptors that once refused a write with EAGAIN; from then on everything goes through the stream, in order. */
const streamed = new Set<number>();

/**
 * Writes all of `bytes` to `fd` with blocking write(2) calls: one system call for a file or /dev/null,
 * a few for a pipe, and none of the stream machinery `process.stdout` builds on first use.
 */
function writeAll(fd: 1 | 2, bytes: Uint8Array): void {
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  if (streamed.has(fd)) {
    // The stream may still hold the bytes after returning, and the caller may reuse them: copy.
    stream().write(bytes.slice());
    return;
  }
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      // A non-blocking pipe (inherited from a Node parent, say) that is full: hand the rest to Node's
      // stream, which waits for the reader.
      if (!isAgain(error)) throw error;
      streamed.add(fd);
      stream().write(bytes.slice(offset));
      return;
    }
  }
}

/**
 * A path as the user meant it: relative to the directory they ran the command in. `npm run timeslice`
 * runs in the package's root and keeps that directory in INIT_CWD; the `timeslice` bin (npx, or
 * node_modules/.bin) already runs there.
 */
export function userPath(
  file: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd = process.cwd(),
): string {
  const base = env.npm_lifecycle_event === "timeslice" && env.INIT_CWD ? env.INIT_CWD : cwd;
  return path.resolve(base, file);
}

export const nodeIo: CliIo = {
  out: (output) => writeAll(1, typeof output === "string" ? Buffer.from(output, "utf8") : output),
  err: (text) => writeAll(2, Buffer.from(text, "utf8")),
  readInput: (file) => readFileSync(file === "-" ? 0 : userPath(file), "utf8"),
};

/** An in-memory CliIo for tests: collects output, serves files from a map. */
export function memoryIo(files: Record<string, string> = {}): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    out(output: string | Uint8Array) {
      io.stdout += typeof output === "string" ? output : new TextDecoder().decode(output);
    },
    err(text: string) {
      io.stderr += text;
    },
    readInput(path: string) {
      const content = files[path];
      if (content === undefined) throw new Error(`no such file: ${path}`);
      return content;
    },
  };
  return io;
}
