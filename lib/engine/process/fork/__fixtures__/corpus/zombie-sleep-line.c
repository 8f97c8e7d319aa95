/* corpus: the parent sleeps while its child is a zombie, then reaps it (line) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  pid_t p = fork();
  if (p == 0) { printf("child [%d] exits\n", getpid()); exit(7); }
  usleep(200000);
  printf("parent awake\n");
  int st;
  waitpid(p, &st, 0);
  printf("reaped [%d] code %d\n", p, WEXITSTATUS(st));
  return 0;
}
