/* corpus: three children: exit codes and an abort, WIFEXITED/WIFSIGNALED */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int st, exited = 0, signaled = 0;
  for (int i = 0; i < 3; i++) {
    if (fork() == 0) { if (i == 1) abort(); exit(i); }
  }
  for (int i = 0; i < 3; i++) {
    wait(&st);
    if (WIFEXITED(st)) exited++;
    else if (WIFSIGNALED(st)) signaled++;
  }
  printf("exited %d signaled %d\n", exited, signaled);
  return 0;
}
