import { C, DiagramFrame } from "./diagram-frame";

export function ThreadVsLoopDiagram() {
  const rows = [0, 1, 2, 3];
  return (
    <DiagramFrame
      id="thread-vs-loop"
      title="Thread-per-request compared with an event loop"
      description="Left: four requests, each with its own kernel thread that mostly sits blocked waiting for I/O. Right: one event-loop thread and epoll watch four connections; the thread only runs short callbacks for connections that are ready."
      caption="Thread-per-request holds a thread for the whole wait; an event loop holds one thread and a small record per connection."
      viewBox="0 0 480 220"
    >
      <text x={10} y={20} fill={C.fg} fontWeight={700}>
        thread per request
      </text>
      {rows.map((r) => {
        const y = 36 + r * 40;
        return (
          <g key={r}>
            <text x={10} y={y + 16} fill={C.muted} fontSize={11}>
              req {r + 1}
            </text>
            <rect x={52} y={y} width={18} height={24} fill={C.primary} />
            <rect x={70} y={y} width={120} height={24} fill={C.bg} stroke={C.muted} strokeDasharray="3 3" />
            <text x={130} y={y + 16} textAnchor="middle" fill={C.muted} fontSize={11}>
              blocked on I/O
            </text>
            <rect x={190} y={y} width={14} height={24} fill={C.primary} />
          </g>
        );
      })}
      <text x={10} y={208} fill={C.muted} fontSize={11}>
        one kernel thread (stack, PID, map) each
      </text>
      <line x1={232} y1={10} x2={232} y2={210} stroke={C.border} strokeWidth={1.5} />
      <text x={250} y={20} fill={C.fg} fontWeight={700}>
        event loop
      </text>
      <rect x={250} y={36} width={100} height={120} rx={8} fill={C.card} stroke={C.primary} strokeWidth={2} />
      <text x={300} y={84} textAnchor="middle" fill={C.fg} fontWeight={600}>
        1 thread
      </text>
      <text x={300} y={102} textAnchor="middle" fill={C.muted} fontSize={11}>
        runs ready
      </text>
      <text x={300} y={116} textAnchor="middle" fill={C.muted} fontSize={11}>
        callbacks
      </text>
      <rect x={370} y={36} width={100} height={120} rx={8} fill={C.bg} stroke={C.fg} strokeWidth={1.5} />
      <text x={420} y={56} textAnchor="middle" fill={C.fg} fontWeight={600}>
        epoll
      </text>
      {rows.map((r) => (
        <g key={r}>
          <rect
            x={382}
            y={66 + r * 21}
            width={76}
            height={16}
            rx={3}
            fill={C.card}
            stroke={r === 1 ? C.success : C.muted}
          />
          <text x={420} y={78 + r * 21} textAnchor="middle" fill={r === 1 ? C.success : C.muted} fontSize={10}>
            {r === 1 ? "conn 2 ready" : `conn ${r + 1}`}
          </text>
        </g>
      ))}
      <line x1={350} y1={96} x2={370} y2={96} stroke={C.fg} strokeWidth={1.5} />
      <text x={250} y={186} fill={C.muted} fontSize={11}>
        a waiting connection costs a small record,
      </text>
      <text x={250} y={200} fill={C.muted} fontSize={11}>
        but one slow callback delays them all
      </text>
    </DiagramFrame>
  );
}
