// Figures for the fork and crash models: time to analyse classic programs and to grade an answer.
import { analyzeForkProgram, explainOutputOrder, simulateCrashScenario } from "../lib/engine";

const PROGRAMS: Record<string, string> = {
  "fork x6, 64 processes": `int main(void) { int i; for (i = 0; i < 6; i++) fork(); printf("hi\\n"); return 0; }`,
  "6 children + wait loop (720 orders)": `int main(void) { int i; for (i = 0; i < 6; i++) if (fork() == 0) { printf("c%d\\n", i); return 0; } while (wait(NULL) > 0); printf("done\\n"); return 0; }`,
  "fork x6 printing each step, tty (sampled)": `int main(void) { int i; for (i = 0; i < 6; i++) { printf("%d\\n", i); fork(); } return 0; }`,
};

function time<T>(f: () => T): [T, number] {
  const start = performance.now();
  const value = f();
  return [value, performance.now() - start];
}

export default async function processBench(): Promise<void> {
  for (const [name, source] of Object.entries(PROGRAMS)) {
    const [result, ms] = time(() => analyzeForkProgram(source, { mode: "tty" }));
    if (!result.ok) {
      console.log(`${name}: error ${result.errors[0].message}`);
      continue;
    }
    const m = result.value;
    const [, gradeMs] = time(() => explainOutputOrder(m, [...m.outputs[0]].reverse()));
    console.log(
      `${name}: analyse ${ms.toFixed(1)} ms, ${m.processCount} processes, ${m.outputs.length}${m.outputsComplete ? "" : "+"} outputs; grade a wrong answer ${gradeMs.toFixed(1)} ms`,
    );
  }
  const threads = Array.from({ length: 4 }, (_, i) => ({
    name: `t${i}`,
    steps: [{ print: `t${i} a` }, { print: `t${i} b` }, ...(i === 0 ? [{ fault: "SIGSEGV" as const }] : [])],
  }));
  const [crash, crashMs] = time(() =>
    simulateCrashScenario({
      processes: [{ name: "p", threads: [{ name: "main", steps: [{ pthreadExit: true as const }] }, ...threads] }],
    }),
  );
  console.log(
    `crash model, 5 threads: ${crashMs.toFixed(1)} ms, ${crash.ok ? crash.value.statesExplored : "error"} states`,
  );
}
