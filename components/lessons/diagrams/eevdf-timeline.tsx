import { C, DiagramFrame } from "./diagram-frame";

// Three tasks on a virtual-time axis: vruntime (dot), request (bar) ending at the virtual deadline.
const TASKS = [
  { id: "A", v: 110, d: 300, eligible: true },
  { id: "B", v: 170, d: 250, eligible: true },
  { id: "C", v: 290, d: 360, eligible: false },
];
const V = 200;

export function EevdfTimelineDiagram() {
  return (
    <DiagramFrame
      id="eevdf-timeline"
      title="EEVDF: eligibility and virtual deadlines"
      description="Three tasks on a virtual-time axis with the weighted average V marked. A and B have vruntime at or left of V, so they are eligible; C is right of V and not eligible. Of A and B, B has the earlier virtual deadline, so B runs next, even though A has the smaller vruntime that CFS would pick."
      caption="EEVDF runs B: among the eligible tasks (vruntime ≤ V) it has the earliest virtual deadline. CFS would have run A, the smallest vruntime."
      viewBox="0 0 480 210"
    >
      <line x1={40} y1={170} x2={460} y2={170} stroke={C.fg} strokeWidth={1.5} />
      <text x={460} y={190} textAnchor="end" fill={C.muted} fontSize={11}>
        virtual time →
      </text>
      <line x1={V} y1={20} x2={V} y2={178} stroke={C.primary} strokeWidth={2} strokeDasharray="5 4" />
      <text x={V} y={194} textAnchor="middle" fill={C.primary} fontWeight={600}>
        V (weighted average)
      </text>
      <rect x={40} y={20} width={V - 40} height={150} fill={C.success} opacity={0.08} />
      <text x={48} y={34} fill={C.success} fontSize={11}>
        eligible: lag = V − v ≥ 0
      </text>
      {TASKS.map((t, i) => {
        const y = 60 + i * 38;
        const color = t.eligible ? (t.id === "B" ? C.primary : C.fg) : C.muted;
        return (
          <g key={t.id}>
            <text x={24} y={y + 4} fill={color} fontWeight={700}>
              {t.id}
            </text>
            <line
              x1={t.v}
              y1={y}
              x2={t.d}
              y2={y}
              stroke={color}
              strokeWidth={t.id === "B" ? 5 : 3}
              strokeDasharray={t.eligible ? undefined : "4 3"}
            />
            <circle cx={t.v} cy={y} r={5} fill={color} />
            <line x1={t.d} y1={y - 9} x2={t.d} y2={y + 9} stroke={color} strokeWidth={2} />
            <text x={t.d + 6} y={y + 4} fill={color} fontSize={11}>
              {t.id === "B" ? "earliest eligible deadline → runs" : t.eligible ? "deadline" : "not eligible"}
            </text>
          </g>
        );
      })}
    </DiagramFrame>
  );
}
