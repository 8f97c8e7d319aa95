/* corpus: a child's unterminated printf is lost by _exit, kept by exit */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (fork() == 0) { printf("lost?"); _exit(0); }
  wait(NULL);
  if (fork() == 0) { printf("kept"); exit(0); }
  wait(NULL);
  printf("\nparent\n");
  return 0;
}
