/* corpus: a shell pipeline is outside the model */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
/* expect-refusal: only simple echo/true/false/exit commands */
int main(void) {
  if (fork() == 0) { execl("/bin/sh", "sh", "-c", "echo hi | tr a-z A-Z", NULL); exit(1); }
  wait(NULL);
  return 0;
}
