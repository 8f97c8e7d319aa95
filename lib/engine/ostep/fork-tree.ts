// The process tree of OSTEP's cpu-api/fork.py, with the script's data structures kept as they are:
// a list of live names (duplicates allowed), each name's child list, and each name's parent. An
// exited name's entries become the marker DEAD, as the script sets them to -1. Odd action lists
// (re-forking a live name, forking a name onto itself) make the script crash in specific ways,
// and the port must crash the same way, so every Python error is reproduced where it would arise.

export const DEAD = -1;
type Slot<T> = T | typeof DEAD;

/** A Python exception the script would die with; `message` is the last line of its traceback. */
export class PyException {
  constructor(readonly message: string) {}
}

/** Frames deep at which CPython 3.11's default recursion limit stops each recursive helper (measured). */
const WALK_LEVEL_LIMIT = 995;
const COLLECT_LEVEL_LIMIT = 996;

export type TreeStyle = "basic" | "line1" | "line2" | "fancy";
const STYLE_CHARS: Record<Exclude<TreeStyle, "basic">, readonly [string, string, string, string]> = {
  line1: ["|", "-", "+", "|"],
  line2: ["|", "_", "|", "|"],
  fancy: ["\u2502", "\u2500", "\u251c", "\u2514"],
};

const keyError = (key: string | number): PyException =>
  new PyException(
    `KeyError: ${typeof key === "number" ? key : `'${key.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`}`,
  );

export class ForkTree {
  readonly root = "a";
  readonly alive: string[] = [this.root];
  private readonly children = new Map<string, Slot<string[]>>([[this.root, []]]);
  private readonly parents = new Map<string, Slot<string>>();

  isAlive(name: string): boolean {
    return this.alive.includes(name);
  }

  private childrenOf(name: Slot<string>): Slot<string[]> {
    const list = typeof name === "string" ? this.children.get(name) : undefined;
    if (list === undefined) throw keyError(name);
    return list;
  }

  private listOf(name: Slot<string>, method: string): string[] {
    const list = this.childrenOf(name);
    if (list === DEAD) throw new PyException(`AttributeError: 'int' object has no attribute '${method}'`);
    return list;
  }

  private iterableOf(name: string): string[] {
    const list = this.childrenOf(name);
    if (list === DEAD) throw new PyException("TypeError: 'int' object is not iterable");
    return list;
  }

  /** `len(children[name])`, which the leaf-only check uses. */
  childCount(name: string): number {
    const list = this.childrenOf(name);
    if (list === DEAD) throw new PyException("TypeError: object of type 'int' has no len()");
    return list.length;
  }

  fork(parent: string, child: string): string {
    this.alive.push(child);
    this.children.set(child, []);
    this.listOf(parent, "append").push(child);
    this.parents.set(child, parent);
    return `${parent} forks ${child}`;
  }

  private descendantsPreOrder(name: string, level: number): string[] {
    if (level >= COLLECT_LEVEL_LIMIT)
      throw new PyException("RecursionError: maximum recursion depth exceeded in comparison");
    const list = this.childrenOf(name);
    if (list !== DEAD && list.length === 0) return [name];
    const all = [name];
    for (const child of this.iterableOf(name)) all.push(...this.descendantsPreOrder(child, level + 1));
    return all;
  }

  /** Exits `name` (the caller has checked it is alive and not the root). */
  exit(name: string, localReparent: boolean): string {
    const exitParent = this.parents.get(name);
    if (exitParent === undefined) throw keyError(name);
    removeFirst(this.alive, name);
    if (localReparent) {
      for (const orphan of this.iterableOf(name)) {
        this.parents.set(orphan, exitParent);
        this.listOf(exitParent, "append").push(orphan);
      }
    } else {
      // The script flattens the whole subtree under the root, not just the direct children.
      const descendants = this.descendantsPreOrder(name, 0);
      removeFirst(descendants, name);
      for (const d of descendants) {
        this.children.set(d, []);
        this.parents.set(d, this.root);
        this.listOf(this.root, "append").push(d);
      }
    }
    removeFirst(this.listOf(exitParent, "remove"), name);
    this.children.set(name, DEAD);
    this.parents.set(name, DEAD);
    return `${name} EXITS`;
  }

  /** Prints the tree through `print`, as the script's `walk` does, line by line. */
  print(style: string, print: (text: string) => void): void {
    this.walk(this.root, 0, new Map(), false, style, print);
  }

  private walk(
    name: string,
    level: number,
    pmask: Map<number, boolean>,
    isLast: boolean,
    style: string,
    print: (text: string) => void,
  ): void {
    if (level >= WALK_LEVEL_LIMIT) {
      throw new PyException("RecursionError: maximum recursion depth exceeded while calling a Python object");
    }
    print(" ".repeat(31));
    if (style === "basic") {
      print("   ".repeat(level) + name.padStart(2, " ") + "\n");
      for (const child of this.iterableOf(name)) this.walk(child, level + 1, new Map(), false, style, print);
      return;
    }
    const chars = STYLE_CHARS[style as Exclude<TreeStyle, "basic">];
    if (!chars || !Object.hasOwn(STYLE_CHARS, style)) {
      print(`bad style ${style}\n`);
      throw new ScriptExitSignal(1);
    }
    const [vertical, horizontal, tee, corner] = chars;
    const mask = (i: number): boolean => {
      const value = pmask.get(i);
      if (value === undefined) throw keyError(i);
      return value;
    };
    if (level > 0) {
      let prefix = "";
      for (let i = 0; i < level - 1; i++) prefix += mask(i) ? `${vertical}   ` : "    ";
      if (mask(level - 1)) prefix += `${isLast ? corner : tee}${horizontal}${horizontal} `;
      else prefix += ` ${horizontal}${horizontal}${horizontal} `;
      print(prefix);
    }
    print(name + "\n");
    if (isLast) pmask.set(level - 1, false);
    pmask.set(level, true);
    const list = this.childrenOf(name);
    if (list === DEAD) throw new PyException("TypeError: 'int' object is not subscriptable");
    const kids = list.slice();
    kids.forEach((child, i) => this.walk(child, level + 1, pmask, i === kids.length - 1, style, print));
  }
}

/** The script called `exit(code)` after printing its own message. */
export class ScriptExitSignal {
  constructor(readonly exitCode: number) {}
}

function removeFirst(list: string[], item: string): void {
  const at = list.indexOf(item);
  if (at < 0) throw new PyException("ValueError: list.remove(x): x not in list");
  list.splice(at, 1);
}
