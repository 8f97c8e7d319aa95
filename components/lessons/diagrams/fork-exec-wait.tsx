import { Arrow, C, DiagramFrame } from "./diagram-frame";

export function ForkExecWaitDiagram() {
  return (
    <DiagramFrame
      id="fork-exec-wait"
      title="fork, exec, exit and wait on a timeline"
      description="The parent calls fork; a child appears running the same program. The child calls exec and becomes a new program with the same PID. The child exits and is a zombie until the parent's wait reaps it."
      caption="fork() returns twice; exec() keeps the PID but replaces the program; between exit and the parent's wait() the child is a zombie."
      viewBox="0 0 480 200"
    >
      <text x={10} y={50} fill={C.fg} fontWeight={700}>
        parent
      </text>
      <text x={10} y={140} fill={C.fg} fontWeight={700}>
        child
      </text>
      <line x1={70} y1={46} x2={470} y2={46} stroke={C.fg} strokeWidth={3} />
      <circle cx={120} cy={46} r={5} fill={C.primary} />
      <text x={120} y={30} textAnchor="middle" fill={C.fg}>
        fork() → pid
      </text>
      <Arrow x1={120} y1={52} x2={150} y2={130} color={C.primary} />
      <text x={168} y={160} fill={C.muted} fontSize={11}>
        fork() → 0
      </text>
      <line x1={150} y1={136} x2={250} y2={136} stroke={C.fg} strokeWidth={3} strokeDasharray="2 0" />
      <circle cx={250} cy={136} r={5} fill={C.warning} />
      <text x={250} y={122} textAnchor="middle" fill={C.fg}>
        exec()
      </text>
      <line x1={250} y1={136} x2={350} y2={136} stroke={C.success} strokeWidth={3} />
      <text x={300} y={160} textAnchor="middle" fill={C.muted} fontSize={11}>
        new program, same PID
      </text>
      <circle cx={350} cy={136} r={5} fill={C.danger} />
      <text x={350} y={122} textAnchor="middle" fill={C.fg}>
        exit()
      </text>
      <line x1={350} y1={136} x2={420} y2={136} stroke={C.muted} strokeWidth={2} strokeDasharray="4 4" />
      <text x={385} y={160} textAnchor="middle" fill={C.danger} fontSize={11}>
        zombie
      </text>
      <circle cx={420} cy={46} r={5} fill={C.success} />
      <text x={420} y={30} textAnchor="middle" fill={C.fg}>
        wait() reaps
      </text>
      <Arrow x1={420} y1={130} x2={420} y2={54} color={C.muted} dashed />
      <text x={240} y={190} textAnchor="middle" fill={C.muted} fontSize={11}>
        orphan (parent exited first): a subreaper or init (PID 1) adopts and reaps it
      </text>
    </DiagramFrame>
  );
}
