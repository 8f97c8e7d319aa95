// Random C programs in the fork subset, for the property and gcc reality tests (test-only helper).
import { createPythonRandom } from "../../../random";

export interface GeneratedProgram {
  source: string;
  seed: number;
}

export interface GeneratorOptions {
  /** Also print pids (getpid, getppid, always as "[%d]") and poll children with waitpid(…, WNOHANG). */
  timing?: boolean;
}

/** A program of fork/if/wait/printf/fflush/exit statements with unique labels, at most `maxForks` fork calls in the text. */
export function generateForkProgram(seed: number, maxForks = 4, options: GeneratorOptions = {}): GeneratedProgram {
  const rng = createPythonRandom(seed);
  let label = 0;
  let forks = 0;
  let pids = 0;
  const nextLabel = () => `L${label++}`;
  const block = (depth: number, indent: string): string[] => {
    const out: string[] = [];
    const length = rng.randint(1, depth === 0 ? 6 : 3);
    for (let k = 0; k < length; k++) {
      const roll = rng.randint(0, 99);
      const canFork = forks < maxForks;
      if (roll < 30 && options.timing && rng.randint(0, 2) === 0) {
        out.push(`${indent}printf("${nextLabel()} [%d]\\n", ${rng.choice(["getpid()", "getppid()"])});`);
      } else if (roll < 30) out.push(`${indent}printf("${nextLabel()}\\n");`);
      else if (roll < 36) out.push(`${indent}printf("${nextLabel()}");`);
      else if (roll < 42) out.push(`${indent}fprintf(stderr, "${nextLabel()}\\n");`);
      else if (roll < 48) out.push(`${indent}fflush(stdout);`);
      else if (roll < 60) out.push(`${indent}wait(NULL);`);
      else if (roll < 70 && canFork) {
        forks++;
        out.push(`${indent}fork();`);
      } else if (roll < 90 && canFork && depth < 2 && options.timing && rng.randint(0, 1) === 0) {
        forks++;
        const pid = `p${pids++}`;
        out.push(
          `${indent}pid_t ${pid} = fork();`,
          `${indent}if (${pid} == 0) {`,
          ...block(depth + 1, indent + "  "),
          `${indent}  exit(0);`,
        );
        out.push(
          `${indent}} else if (waitpid(${pid}, NULL, WNOHANG) == 0) {`,
          `${indent}  printf("${nextLabel()} [%d] running\\n", ${pid});`,
        );
        out.push(`${indent}} else {`, `${indent}  printf("${nextLabel()} [%d] reaped\\n", ${pid});`, `${indent}}`);
      } else if (roll < 90 && canFork && depth < 2) {
        forks++;
        out.push(`${indent}if (fork() == 0) {`, ...block(depth + 1, indent + "  "));
        if (rng.randint(0, 2) === 0) out.push(`${indent}  ${rng.choice(["exit(0);", "_exit(0);", "return 0;"])}`);
        out.push(`${indent}} else {`, ...block(depth + 1, indent + "  "), `${indent}}`);
      } else if (roll < 95 && canFork) {
        forks++;
        out.push(`${indent}if (fork() && fork()) printf("${nextLabel()}\\n");`);
        forks++;
      } else out.push(`${indent}printf("${nextLabel()}\\n");`);
    }
    return out;
  };
  const body = block(0, "  ");
  const source = [
    "#include <stdio.h>",
    "#include <stdlib.h>",
    "#include <unistd.h>",
    "#include <sys/wait.h>",
    "",
    "int main(void) {",
    ...body,
    "  return 0;",
    "}",
    "",
  ].join("\n");
  return { source, seed };
}
