/* corpus: exit, _exit and return in three children with buffered text */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int st;
  for (int i = 0; i < 3; i++) {
    pid_t p = fork();
    if (p == 0) {
      printf("child %d buffered\n", i);
      if (i == 0) exit(1);
      if (i == 1) _exit(2);
      return 3;
    }
    waitpid(p, &st, 0);
    printf("child %d -> %d\n", i, WEXITSTATUS(st));
  }
  return 0;
}
