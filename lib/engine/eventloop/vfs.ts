// A small in-memory file system: the program's directory (/app, holding main.js) plus whatever the
// program creates. Synchronous fs calls act on it in program order; asynchronous ones when their
// thread-pool request completes, so a later readFile/stat sees real contents and sizes.
import { makeError, utf8Length, type ObjectValue } from "./values";

export interface VFile {
  type: "file" | "dir";
  /** File contents as text; null when the model knows only the size (random bytes). */
  text: string | null;
  size: number;
}

export const APP_DIR = "/app";

/** An fs failure as Node reports it: `ENOENT: no such file or directory, open 'x.txt'`. */
export class FsFailure {
  constructor(readonly error: ObjectValue) {}
}

const MESSAGES: Record<string, [number, string]> = {
  ENOENT: [-2, "no such file or directory"],
  EEXIST: [-17, "file already exists"],
  EISDIR: [-21, "illegal operation on a directory"],
  ENOTDIR: [-20, "not a directory"],
  ENOTEMPTY: [-39, "directory not empty"],
};

export function fsError(code: keyof typeof MESSAGES, syscall: string, path: string): FsFailure {
  const [errno, text] = MESSAGES[code]!;
  return new FsFailure(makeError("Error", `${code}: ${text}, ${syscall} '${path}'`, { errno, code, syscall, path }));
}

export function normalize(path: string): string {
  const abs = path.startsWith("/") ? path : `${APP_DIR}/${path}`;
  const out: string[] = [];
  for (const part of abs.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

function parent(abs: string): string {
  return abs.replace(/\/[^/]*$/, "") || "/";
}

export class Vfs {
  private readonly nodes = new Map<string, VFile>();

  constructor(mainSource: string) {
    this.nodes.set("/", { type: "dir", text: null, size: 4096 });
    this.nodes.set(APP_DIR, { type: "dir", text: null, size: 4096 });
    this.nodes.set(`${APP_DIR}/main.js`, { type: "file", text: mainSource, size: utf8Length(mainSource) });
  }

  /** Outside the program's directory the model does not know the machine's files. */
  known(abs: string): boolean {
    return abs === "/" || abs === APP_DIR || abs.startsWith(APP_DIR + "/") || this.nodes.has(abs);
  }

  get(path: string): VFile | undefined {
    return this.nodes.get(normalize(path));
  }

  private parentDir(path: string, syscall: string): void {
    const p = parent(normalize(path));
    const node = this.nodes.get(p);
    if (!node && this.known(p)) throw fsError("ENOENT", syscall, path);
    if (node && node.type !== "dir") throw fsError("ENOTDIR", syscall, path);
  }

  read(path: string, syscall = "open"): VFile {
    const node = this.nodes.get(normalize(path));
    if (!node) throw fsError("ENOENT", syscall, path);
    if (node.type === "dir" && syscall === "open") throw fsError("EISDIR", "read", path);
    return node;
  }

  /** Why opening `path` for writing fails now, or null. */
  writeFailure(path: string): FsFailure | null {
    if (this.nodes.get(normalize(path))?.type === "dir") return fsError("EISDIR", "open", path);
    try {
      this.parentDir(path, "open");
    } catch (e) {
      if (e instanceof FsFailure) return e;
      throw e;
    }
    return null;
  }

  write(path: string, text: string | null, size: number, append: boolean): void {
    const abs = normalize(path);
    const existing = this.nodes.get(abs);
    const failure = this.writeFailure(path);
    if (failure) throw failure;
    if (append && existing) {
      const joined = existing.text !== null && text !== null ? existing.text + text : null;
      this.nodes.set(abs, { type: "file", text: joined, size: existing.size + size });
    } else {
      this.nodes.set(abs, { type: "file", text, size });
    }
  }

  unlink(path: string): void {
    const abs = normalize(path);
    const node = this.nodes.get(abs);
    if (!node) throw fsError("ENOENT", "unlink", path);
    if (node.type === "dir") throw fsError("EISDIR", "unlink", path);
    this.nodes.delete(abs);
  }

  mkdir(path: string, recursive: boolean): void {
    const abs = normalize(path);
    if (this.nodes.has(abs)) {
      if (recursive && this.nodes.get(abs)!.type === "dir") return;
      throw fsError("EEXIST", "mkdir", path);
    }
    if (recursive) {
      const parts = abs.split("/").filter(Boolean);
      for (let i = 1; i <= parts.length; i++) {
        const p = "/" + parts.slice(0, i).join("/");
        if (!this.nodes.has(p) && this.known(p)) this.nodes.set(p, { type: "dir", text: null, size: 4096 });
      }
      this.nodes.set(abs, { type: "dir", text: null, size: 4096 });
      return;
    }
    this.parentDir(path, "mkdir");
    this.nodes.set(abs, { type: "dir", text: null, size: 4096 });
  }

  rmdir(path: string): void {
    const abs = normalize(path);
    const node = this.nodes.get(abs);
    if (!node) throw fsError("ENOENT", "rmdir", path);
    if (node.type !== "dir") throw fsError("ENOTDIR", "rmdir", path);
    if (this.list(abs).length > 0) throw fsError("ENOTEMPTY", "rmdir", path);
    this.nodes.delete(abs);
  }

  rename(from: string, to: string): void {
    const a = normalize(from);
    const node = this.nodes.get(a);
    if (!node || node.type !== "file") throw fsError("ENOENT", "rename", from);
    this.parentDir(to, "rename");
    this.nodes.delete(a);
    this.nodes.set(normalize(to), node);
  }

  /** Names in a directory, sorted as libuv's scandir sorts them (strcmp). */
  list(abs: string): string[] {
    const prefix = abs === "/" ? "/" : abs + "/";
    const names: string[] = [];
    for (const p of this.nodes.keys()) {
      if (p !== abs && p.startsWith(prefix) && !p.slice(prefix.length).includes("/"))
        names.push(p.slice(prefix.length));
    }
    return names.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  }

  readdir(path: string): string[] {
    const abs = normalize(path);
    const node = this.nodes.get(abs);
    if (!node) throw fsError("ENOENT", "scandir", path);
    if (node.type !== "dir") throw fsError("ENOTDIR", "scandir", path);
    return this.list(abs);
  }
}
