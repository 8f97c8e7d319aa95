import { readFileSync } from "node:fs";

/** What a command may touch of the outside world; tests pass a recording implementation. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads a file path, or standard input when the path is "-". */
  readInput(path: string): string;
}

export const nodeIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  readInput: (path) => readFileSync(path === "-" ? 0 : path, "utf8"),
};

/** An in-memory CliIo for tests: collects output, serves files from a map. */
export function memoryIo(files: Record<string, string> = {}): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: "",
    stderr: "",
    out(text: string) {
      io.stdout += text;
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
