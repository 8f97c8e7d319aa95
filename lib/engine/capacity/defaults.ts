// Default figures, each with where it comes from (measured here, a kernel/runtime default, or an estimate).
export const CAPACITY_DEFAULTS = {
  threadStackMiB: { value: 8, source: "glibc default thread stack = ulimit -s (8 MiB), virtual only" },
  threadRssKiB: { value: 8.4, source: "measured: 10,000 idle threads used 82 MiB RSS (domain notes, Linux 6.18)" },
  kernelPerThreadKiB: {
    value: 26,
    source: "x86-64 kernel stack 16 KiB (THREAD_SIZE) + task_struct ≈ 10 KiB (estimate)",
  },
  pidMax: { value: 32768, source: "Linux default kernel.pid_max" },
  maxMapCount: { value: 65530, source: "Linux default vm.max_map_count; each thread costs 2 mappings (stack + guard)" },
  threadSwitchUs: { value: 4, source: "measured: 3.5–4.5 µs kernel switch incl. 2 syscalls (Linux 6.18 VM, Zen 3)" },
  goroutineStackKiB: { value: 2, source: "Go 1.4+ initial goroutine stack (2 KiB)" },
  goroutineSwitchUs: { value: 0.2, source: "measured: 160–280 ns goroutine switch via channel (Go 1.19)" },
  goMaxThreads: { value: 10000, source: "Go runtime default (runtime/debug.SetMaxThreads)" },
  uvThreadpoolSize: { value: 4, source: "libuv default UV_THREADPOOL_SIZE" },
  nodeHopUs: { value: 0.2, source: "measured: 80–230 ns per await hop / microtask (Node 20)" },
  nodePerConnectionKiB: { value: 16, source: "estimate: socket + JS request objects per open connection" },
  virtualThreadKiB: {
    value: 2,
    source: "estimate: JEP 444 virtual-thread stack chunks live on the heap, typically ~1–2 KiB",
  },
} as const;

export type CapacityDefaultKey = keyof typeof CAPACITY_DEFAULTS;
