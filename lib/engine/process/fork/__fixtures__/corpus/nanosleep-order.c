/* corpus: nanosleep with a struct timespec orders the child after the parent */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
#include <time.h>
int main(void) {
  struct timespec ts = {0, 200000000};
  if (fork() == 0) { nanosleep(&ts, NULL); printf("child after nap\n"); exit(0); }
  printf("parent first\n");
  fflush(stdout);
  wait(NULL);
  printf("parent last\n");
  return 0;
}
