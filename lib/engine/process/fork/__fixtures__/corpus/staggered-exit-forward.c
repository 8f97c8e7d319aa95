/* corpus: children sleep different times: the reap order is fixed by timing (forward) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int status;
  for (int i = 0; i < 3; i++) {
    if (fork() == 0) { usleep((i + 1) * 150000); printf("child %d wakes\n", i); exit(i + 1); }
  }
  while (wait(&status) > 0) printf("reaped code %d\n", WEXITSTATUS(status));
  printf("all reaped\n");
  return 0;
}
