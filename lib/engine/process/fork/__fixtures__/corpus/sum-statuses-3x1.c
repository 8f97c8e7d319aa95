/* corpus: children exit with different codes, parent sums WEXITSTATUS (3x1) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int status, sum = 0;
  for (int i = 1; i <= 3; i++) {
    if (fork() == 0) { printf("child %d\n", i); exit(i * 1); }
  }
  for (int i = 0; i < 3; i++) {
    wait(&status);
    if (WIFEXITED(status)) sum += WEXITSTATUS(status);
  }
  printf("sum=%d\n", sum);
  return 0;
}
