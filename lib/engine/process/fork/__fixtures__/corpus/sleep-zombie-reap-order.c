/* corpus: two zombies reaped after a sleep: the earlier exit is reaped first */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int st;
  if (fork() == 0) exit(1);
  usleep(150000);
  if (fork() == 0) exit(2);
  usleep(150000);
  wait(&st); printf("first reaped %d\n", WEXITSTATUS(st));
  wait(&st); printf("second reaped %d\n", WEXITSTATUS(st));
  return 0;
}
