/* corpus: a do/while with forks and a counter */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int n = 0;
  do {
    if (fork() == 0) { printf("child sees n=%d\n", n); exit(n); }
    n++;
  } while (n < 3);
  int st, total = 0;
  while (wait(&st) > 0) total += WEXITSTATUS(st);
  printf("total %d\n", total);
  return 0;
}
