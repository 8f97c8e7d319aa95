// Question templates whose engine work an author controls, for the budget tests (integration and e2e).
import { TEMPLATE_DEFAULT_GRADING, type QuestionTemplate } from "@/lib/engine";

/**
 * The template of issue #22's freeze, rebuilt from its description: six fork()s, six
 * waitpid(…, WNOHANG) (2^6 timing branches, each a full run), busy loops, and a second line printed
 * only for one value of a parameter drawn from [0, 999999], so nearly every draw prints one line, is
 * unusable for an "order" question and is drawn again (25 times per seed). Unbudgeted, one variant
 * took 2.7 billion interpreter steps (about 8 minutes) on the 2-core dev box.
 */
export function freezingForkTemplate(slug = "costly-fork-freeze"): QuestionTemplate {
  const program = [
    "#include <stdio.h>",
    "#include <unistd.h>",
    "#include <sys/wait.h>",
    "",
    "int main(void) {",
    "  int k = {{k}};",
    "  pid_t kids[6];",
    "  for (int i = 0; i < 6; i++) {",
    "    kids[i] = fork();",
    "    if (kids[i] == 0) {",
    "      long s = 0;",
    "      for (long j = 0; j < 20000; j++) s += j % 7;",
    "      return 0;",
    "    }",
    "  }",
    "  int done = 0;",
    "  for (int i = 0; i < 6; i++)",
    "    if (waitpid(kids[i], NULL, WNOHANG) > 0) done++;",
    "  long t = 0;",
    "  for (long j = 0; j < 20000; j++) t += j % 7;",
    '  if (k == 424242) printf("all children checked: %d\\n", done);',
    '  printf("parent done\\n");',
    "  return 0;",
    "}",
  ].join("\n");
  return {
    slug,
    title: "Six children, checked without waiting",
    type: "process",
    topic: "creating-processes",
    tags: ["fork", "waitpid"],
    difficulty: 3,
    prompt: "Arrange the lines this program prints (output to a pipe).",
    generator: { program, params: { k: { range: [0, 999_999] } }, output: "pipe", ask: ["order"] },
    grading: { ...TEMPLATE_DEFAULT_GRADING },
    hints: [],
    explanation: "",
  } as unknown as QuestionTemplate;
}

/**
 * A valid template whose self-test costs a known share of the budgets: every seed draws its own loop
 * bound (so no two variants share a program model), about 3 steps per iteration. `salt` makes the
 * programs of two such templates differ, so one's cached models never make another's cheap.
 */
export function loopingForkTemplate(
  slug: string,
  salt: number,
  iterations: [number, number] = [9_000, 9_999],
): QuestionTemplate {
  const program = [
    "#include <stdio.h>",
    "#include <unistd.h>",
    "",
    "int main(void) {",
    `  long s = ${salt};`,
    "  for (long j = 0; j < {{n}}; j++) s += j % 3;",
    "  fork();",
    '  printf("sum %ld\\n", s);',
    "  return 0;",
    "}",
  ].join("\n");
  return {
    slug,
    title: `A loop, then fork (${salt})`,
    type: "process",
    topic: "creating-processes",
    tags: ["fork"],
    difficulty: 1,
    prompt: "How many processes run, and how many lines are printed?",
    generator: { program, params: { n: { range: iterations } }, output: "tty", ask: ["processes", "lines"] },
    grading: { ...TEMPLATE_DEFAULT_GRADING },
    hints: [],
    explanation: "",
  } as unknown as QuestionTemplate;
}
