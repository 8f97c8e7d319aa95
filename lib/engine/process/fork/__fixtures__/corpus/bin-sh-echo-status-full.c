/* corpus: sh -c echo then the parent prints the status and its own lines (full) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  
  int st;
  printf("launch\n");
  pid_t p = fork();
  if (p == 0) { execl("/bin/sh", "sh", "-c", "echo from shell", NULL); exit(9); }
  waitpid(p, &st, 0);
  printf("shell status %d\n", WEXITSTATUS(st));
  return 0;
}
