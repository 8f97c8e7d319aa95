import { C, DiagramFrame } from "./diagram-frame";

export function MNThreadingDiagram() {
  const goroutines = Array.from({ length: 10 }, (_, i) => i);
  return (
    <DiagramFrame
      id="m-n-threading"
      title="M:N threading: many user-space tasks on few kernel threads"
      description="Ten user-space tasks such as goroutines or virtual threads wait in runtime run queues. The runtime mounts them onto three kernel threads, which the kernel schedules onto two CPU cores. A task blocked on network I/O is parked with the poller and holds no kernel thread."
      caption="The runtime schedules N tasks onto M kernel threads; the kernel schedules those threads onto cores. Parked tasks cost memory, not threads."
      viewBox="0 0 480 240"
    >
      <text x={10} y={20} fill={C.fg} fontWeight={700}>
        runtime (user space)
      </text>
      {goroutines.map((g) => (
        <g key={g}>
          <circle
            cx={30 + g * 44}
            cy={44}
            r={13}
            fill={C.card}
            stroke={g === 8 || g === 9 ? C.muted : C.primary}
            strokeWidth={1.5}
            strokeDasharray={g === 8 || g === 9 ? "3 3" : undefined}
          />
          <text x={30 + g * 44} y={48} textAnchor="middle" fill={C.fg} fontSize={11}>
            G{g + 1}
          </text>
        </g>
      ))}
      <text x={470} y={76} textAnchor="end" fill={C.muted} fontSize={11}>
        G9, G10 parked on the netpoller / unmounted
      </text>
      {[0, 1, 2].map((m) => (
        <g key={m}>
          <line x1={60 + m * 130} y1={58} x2={80 + m * 130} y2={108} stroke={C.primary} strokeWidth={1.5} />
          <rect x={30 + m * 130} y={108} width={110} height={34} rx={6} fill={C.card} stroke={C.fg} strokeWidth={1.5} />
          <text x={85 + m * 130} y={130} textAnchor="middle" fill={C.fg}>
            kernel thread {m + 1}
          </text>
        </g>
      ))}
      <line x1={0} y1={156} x2={480} y2={156} stroke={C.border} strokeWidth={1.5} strokeDasharray="6 4" />
      <text x={10} y={172} fill={C.fg} fontWeight={700}>
        kernel
      </text>
      {[0, 1].map((c) => (
        <g key={c}>
          <rect x={90 + c * 170} y={186} width={130} height={36} rx={6} fill={C.bg} stroke={C.fg} strokeWidth={1.5} />
          <text x={155 + c * 170} y={209} textAnchor="middle" fill={C.fg}>
            CPU core {c + 1}
          </text>
        </g>
      ))}
      <line x1={85} y1={142} x2={155} y2={186} stroke={C.fg} strokeWidth={1.2} />
      <line x1={215} y1={142} x2={325} y2={186} stroke={C.fg} strokeWidth={1.2} />
      <line x1={345} y1={142} x2={325} y2={186} stroke={C.muted} strokeWidth={1.2} strokeDasharray="3 3" />
    </DiagramFrame>
  );
}
