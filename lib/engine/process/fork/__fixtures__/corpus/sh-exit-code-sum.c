/* corpus: two sh -c children exit with codes; the parent sums them */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int st, sum = 0;
  if (fork() == 0) { execl("/bin/sh", "sh", "-c", "exit 5", NULL); _exit(1); }
  if (fork() == 0) { execlp("sh", "sh", "-c", "echo hi; exit 7", NULL); _exit(1); }
  while (wait(&st) > 0) sum += WEXITSTATUS(st);
  printf("sum %d\n", sum);
  return 0;
}
