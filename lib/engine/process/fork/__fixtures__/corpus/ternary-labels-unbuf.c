/* corpus: a ternary picks a label; both processes print twice (unbuf) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  pid_t p = fork();
  const char *who = p == 0 ? "child" : "parent";
  for (int i = 0; i < 2; i++) printf("%s %d\n", who, i);
  if (p > 0) wait(NULL);
  return 0;
}
