import { Arrow, Box, C, DiagramFrame } from "./diagram-frame";

export function ContextSwitchStepsDiagram() {
  return (
    <DiagramFrame
      id="context-switch-steps"
      title="Steps of a context switch on x86-64 Linux"
      description="Thread X enters the kernel and its user registers are saved on its kernel stack. The scheduler picks thread Y. The kernel swaps kernel stacks and callee-saved registers. Only if Y belongs to another process does switch_mm write CR3; with PCID the TLB entries of recently run processes survive. (With KPTI, CR3 is also written on every kernel entry and exit, for threads and processes alike.) Then it returns to Y in user space, and Y pays the indirect cost of refilling caches."
      caption="Direct cost: the steps in the kernel. switch_mm changes CR3 only across processes, and with PCID it need not flush the TLB. Indirect cost: cache and TLB refill afterwards."
      viewBox="0 0 480 250"
    >
      <Box x={10} y={10} w={140} h={44} label="thread X runs" sub="user mode" />
      <Arrow x1={150} y1={32} x2={175} y2={32} />
      <Box x={175} y={10} w={140} h={44} label="kernel entry" sub="regs → kernel stack" stroke={C.primary} />
      <Arrow x1={315} y1={32} x2={340} y2={32} />
      <Box x={340} y={10} w={130} h={44} label="pick next" sub="scheduler" stroke={C.primary} />
      <Arrow x1={405} y1={54} x2={405} y2={80} />
      <Box x={300} y={80} w={170} h={44} label="switch stacks" sub="callee-saved regs, FPU state" stroke={C.primary} />
      <Arrow x1={300} y1={102} x2={272} y2={102} />
      <Box
        x={90}
        y={80}
        w={182}
        h={44}
        label="new process? write CR3"
        sub="PCID: TLB entries kept"
        stroke={C.warning}
        dashed
      />
      <Arrow x1={180} y1={124} x2={180} y2={150} />
      <Box x={90} y={150} w={182} h={44} label="return to thread Y" sub="user mode" />
      <Arrow x1={272} y1={172} x2={300} y2={172} color={C.danger} />
      <Box x={300} y={150} w={170} h={44} label="indirect cost" sub="cache + TLB refill" stroke={C.danger} />
      <text x={240} y={224} textAnchor="middle" fill={C.muted} fontSize={11}>
        same process: switch_mm is skipped (KPTI still writes CR3 at kernel entry)
      </text>
      <text x={240} y={240} textAnchor="middle" fill={C.muted} fontSize={11}>
        blue = direct cost · red = paid afterwards by the new thread
      </text>
    </DiagramFrame>
  );
}
