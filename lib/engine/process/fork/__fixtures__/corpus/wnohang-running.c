/* corpus: WNOHANG while the child still sleeps, then a blocking wait */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int st;
  pid_t p = fork();
  if (p == 0) { usleep(200000); exit(4); }
  if (waitpid(p, &st, WNOHANG) == 0) printf("still running\n");
  else printf("already done\n");
  waitpid(p, &st, 0);
  printf("code %d\n", WEXITSTATUS(st));
  return 0;
}
