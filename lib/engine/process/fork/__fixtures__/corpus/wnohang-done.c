/* corpus: the parent sleeps, then WNOHANG finds the child done */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int st;
  pid_t p = fork();
  if (p == 0) { printf("quick child\n"); exit(6); }
  usleep(200000);
  pid_t r = waitpid(p, &st, WNOHANG);
  if (r == p) printf("reaped code %d\n", WEXITSTATUS(st));
  else printf("not yet\n");
  return 0;
}
