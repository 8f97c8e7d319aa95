import { C, DiagramFrame } from "./diagram-frame";

const CLASSES = [
  { name: "stop", note: "CPU hotplug, migration", color: C.muted },
  { name: "deadline", note: "SCHED_DEADLINE, 6.12 fair server", color: C.warning },
  { name: "real-time", note: "SCHED_FIFO / SCHED_RR, priority 99 … 1", color: C.danger },
  { name: "fair", note: "SCHED_OTHER: EEVDF (CFS before 6.6)", color: C.primary },
  { name: "idle", note: "SCHED_IDLE (weight 3)", color: C.muted },
];

export function SchedClassesDiagram() {
  return (
    <DiagramFrame
      id="sched-classes"
      title="Linux scheduling classes in priority order"
      description="From highest to lowest: stop, deadline, real-time (SCHED_FIFO and SCHED_RR with priorities 99 down to 1), fair (EEVDF since 6.6, CFS before), idle. A runnable task in a higher class always runs before any task in a lower class."
      caption="The kernel asks each class in turn for a task; a runnable real-time task always beats every fair task, whatever its nice value."
      viewBox="0 0 480 240"
    >
      {CLASSES.map((c, i) => {
        const y = 10 + i * 44;
        return (
          <g key={c.name}>
            <rect x={40} y={y} width={430} height={36} rx={6} fill={C.card} stroke={c.color} strokeWidth={2} />
            <text x={54} y={y + 23} fill={C.fg} fontWeight={700}>
              {c.name}
            </text>
            <text x={150} y={y + 23} fill={C.muted} fontSize={12}>
              {c.note}
            </text>
          </g>
        );
      })}
      <line x1={20} y1={14} x2={20} y2={222} stroke={C.fg} strokeWidth={1.5} />
      <polygon points="20,8 14,20 26,20" fill={C.fg} />
      <text x={14} y={236} fill={C.muted} fontSize={11}>
        higher class wins ↑
      </text>
    </DiagramFrame>
  );
}
