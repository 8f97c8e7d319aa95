/* corpus: pids in an int array, reaped in reverse order */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  pid_t pids[4];
  int status;
  for (int i = 0; i < 4; i++) {
    pids[i] = fork();
    if (pids[i] == 0) { printf("child %d\n", i); return i; }
  }
  for (int i = 3; i >= 0; i--) {
    waitpid(pids[i], &status, 0);
    printf("reaped %d: %d\n", i, WEXITSTATUS(status));
  }
  return 0;
}
