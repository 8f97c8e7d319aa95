/* corpus: stderr is unbuffered, stdout buffered into the pipe */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  printf("out 1\n");
  fprintf(stderr, "err 1\n");
  if (fork() == 0) { fprintf(stderr, "child err\n"); printf("child out\n"); exit(0); }
  wait(NULL);
  printf("out 2\n");
  fprintf(stderr, "err 2\n");
  return 0;
}
