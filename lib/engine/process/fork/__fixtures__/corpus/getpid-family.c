/* corpus: getpid/getppid printed by parent and child */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  pid_t p = fork();
  if (p == 0) { printf("child [%d] parent [%d]\n", getpid(), getppid()); return 0; }
  wait(NULL);
  printf("parent [%d] child was [%d]\n", getpid(), p);
  return 0;
}
