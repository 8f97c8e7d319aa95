import { Box, C, DiagramFrame } from "./diagram-frame";

export function AddressSpacesDiagram() {
  return (
    <DiagramFrame
      id="address-spaces"
      title="Two processes, each with its own address space"
      description="Process A has two threads sharing one address space (code, heap, file descriptors), each with its own stack. Process B has one thread in a separate address space. The kernel, using page tables, enforces the boundary between them."
      caption="Threads share their process's address space; each has its own stack and registers. The kernel keeps processes apart through their page tables."
      viewBox="0 0 480 250"
    >
      {[
        { x: 10, name: "Process A", threads: ["Thread 1", "Thread 2"] },
        { x: 250, name: "Process B", threads: ["Thread 1"] },
      ].map((p) => (
        <g key={p.name}>
          <rect x={p.x} y={10} width={220} height={170} rx={8} fill={C.bg} stroke={C.fg} strokeWidth={1.5} />
          <text x={p.x + 12} y={30} fill={C.fg} fontWeight={700}>
            {p.name}
          </text>
          <text x={p.x + 12} y={46} fill={C.muted} fontSize={11}>
            own virtual address space
          </text>
          <Box x={p.x + 12} y={56} w={196} h={34} label="code · globals · heap" sub="" fill={C.card} />
          <text x={p.x + 110} y={104} textAnchor="middle" fill={C.muted} fontSize={11}>
            fd table · signal handlers · PID
          </text>
          {p.threads.map((t, i) => (
            <Box
              key={t}
              x={p.x + 12 + i * 102}
              y={114}
              w={94}
              h={54}
              label={t}
              sub="stack + registers"
              stroke={C.primary}
            />
          ))}
        </g>
      ))}
      <line x1={240} y1={10} x2={240} y2={180} stroke={C.danger} strokeWidth={3} strokeDasharray="6 4" />
      <rect x={10} y={196} width={460} height={44} rx={8} fill={C.card} stroke={C.danger} strokeWidth={1.5} />
      <text x={240} y={215} textAnchor="middle" fill={C.fg} fontWeight={600}>
        Kernel: page tables + MMU enforce the boundary
      </text>
      <text x={240} y={231} textAnchor="middle" fill={C.muted} fontSize={11}>
        crossing it needs shared memory, pipes, sockets or ptrace
      </text>
    </DiagramFrame>
  );
}
