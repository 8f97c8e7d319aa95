// Linux /proc readers for tests and benchmarks that look at a running server from the outside.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** The process listening on a loopback TCP port, or null. */
export function pidListeningOn(port: number): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is f[1] ("0100007F:0CF3"); state 0A is LISTEN; the inode is f[9].
      if (f[1]?.endsWith(`:${hexPort}`) && f[3] === "0A") inodes.add(`socket:[${f[9]}]`);
    }
  }
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    if (openFiles(Number(pid)).some((target) => inodes.has(target))) return Number(pid);
  }
  return null;
}

/** What each of a process's file descriptors points at (paths, socket:[inode], …); [] if unreadable. */
export function openFiles(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        return [readlinkSync(`/proc/${pid}/fd/${fd}`)];
      } catch {
        return []; // closed meanwhile
      }
    });
  } catch {
    return []; // not ours to read, or gone
  }
}
