/* corpus: a child that returns from main: status is the return value */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int work(int n) { return n * 3; }
int main(void) {
  int st;
  pid_t p = fork();
  if (p == 0) return work(5);
  waitpid(p, &st, 0);
  printf("child returned %d\n", WEXITSTATUS(st));
  return 0;
}
