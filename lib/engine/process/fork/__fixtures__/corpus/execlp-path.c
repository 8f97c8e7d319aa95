/* corpus: execlp finds echo through PATH; execl without a slash does not */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int st;
  if (fork() == 0) { execlp("echo", "echo", "found", "via", "PATH", NULL); exit(1); }
  wait(&st);
  printf("first: %d\n", WEXITSTATUS(st));
  if (fork() == 0) { execl("echo", "echo", "nope", NULL); fprintf(stderr, "execl failed\n"); exit(2); }
  wait(&st);
  printf("second: %d\n", WEXITSTATUS(st));
  return 0;
}
