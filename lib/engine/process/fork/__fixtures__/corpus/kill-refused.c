/* corpus: kill() of a child is outside the model */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
/* expect-refusal: 'kill()' is outside the supported C subset */
#include <signal.h>
int main(void) {
  pid_t p = fork();
  if (p == 0) { sleep(1); exit(0); }
  kill(p, SIGKILL);
  wait(NULL);
  printf("killed\n");
  return 0;
}
