/* corpus: a child that aborts is reported as signalled */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int st;
  pid_t p = fork();
  if (p == 0) { printf("about to abort\n"); abort(); }
  waitpid(p, &st, 0);
  if (WIFSIGNALED(st)) printf("killed by %d\n", WTERMSIG(st));
  else printf("exited %d\n", WEXITSTATUS(st));
  return 0;
}
