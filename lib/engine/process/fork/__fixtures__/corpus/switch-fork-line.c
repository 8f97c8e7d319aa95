/* corpus: switch on fork() as textbooks write it (line) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  pid_t pid;
  int st;
  switch (pid = fork()) {
    case -1:
      perror("fork");
      exit(1);
    case 0:
      printf("in child\n");
      exit(3);
    default:
      printf("in parent\n");
      wait(&st);
      printf("child said %d\n", WEXITSTATUS(st));
  }
  return 0;
}
