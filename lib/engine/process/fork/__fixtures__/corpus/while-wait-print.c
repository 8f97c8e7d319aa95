/* corpus: while ((pid = wait(&st)) > 0) with equal codes */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int st;
  pid_t pid;
  for (int i = 0; i < 3; i++) if (fork() == 0) { printf("c%d\n", i); exit(5); }
  int n = 0;
  while ((pid = wait(&st)) > 0) n += WEXITSTATUS(st);
  printf("n=%d\n", n);
  return 0;
}
