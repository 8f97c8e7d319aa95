import { Arrow, C, DiagramFrame } from "./diagram-frame";

const LEVELS = [
  // Numbered from the top, like the engine's feedback ("level 0" is the highest priority); OSTEP counts the other way.
  { name: "level 0", jobs: ["A", "B"], note: "interactive jobs stay here" },
  { name: "level 1", jobs: ["C"], note: "" },
  { name: "level 2", jobs: ["D"], note: "CPU-bound jobs sink here" },
];

export function MlfqLevelsDiagram() {
  return (
    <DiagramFrame
      id="mlfq-levels"
      title="Multi-level feedback queue"
      description="Three queues from high to low priority: level 0 (highest), level 1, level 2 (lowest). New jobs enter level 0. A job that uses up its allotment moves down one level. Periodically every job is boosted back to the top."
      caption="MLFQ: new jobs start at level 0 (the top), using up an allotment demotes a job, and a periodic boost moves every job back up."
      viewBox="0 0 480 210"
    >
      {LEVELS.map((level, i) => {
        const y = 20 + i * 60;
        return (
          <g key={level.name}>
            <text x={10} y={y + 25} fill={C.fg} fontWeight={600}>
              {level.name}
            </text>
            <rect x={100} y={y} width={250} height={38} rx={6} fill={C.bg} stroke={C.fg} strokeWidth={1.5} />
            {level.jobs.map((job, j) => (
              <g key={job}>
                <rect
                  x={110 + j * 44}
                  y={y + 6}
                  width={36}
                  height={26}
                  rx={4}
                  fill={C.card}
                  stroke={C.primary}
                  strokeWidth={1.5}
                />
                <text x={128 + j * 44} y={y + 24} textAnchor="middle" fill={C.fg}>
                  {job}
                </text>
              </g>
            ))}
            {level.note ? (
              <text x={225} y={y + 24} fill={C.muted} fontSize={11}>
                {level.note}
              </text>
            ) : null}
            {i < LEVELS.length - 1 ? <Arrow x1={330} y1={y + 38} x2={330} y2={y + 60} color={C.danger} /> : null}
          </g>
        );
      })}
      <text x={362} y={72} fill={C.danger} fontSize={11}>
        allotment used:
      </text>
      <text x={362} y={86} fill={C.danger} fontSize={11}>
        demote
      </text>
      <Arrow x1={460} y1={160} x2={460} y2={30} color={C.success} />
      <Arrow x1={460} y1={30} x2={356} y2={30} color={C.success} />
      <text x={450} y={190} textAnchor="end" fill={C.success} fontSize={11}>
        periodic boost: all to the top
      </text>
      <Arrow x1={60} y1={4} x2={100} y2={16} color={C.primary} />
      <text x={4} y={12} fill={C.primary} fontSize={11}>
        new
      </text>
    </DiagramFrame>
  );
}
