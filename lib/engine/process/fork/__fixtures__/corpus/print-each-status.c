/* corpus: wait(&status) prints each child's code in whatever order they are reaped */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int status;
  for (int i = 0; i < 3; i++) {
    if (fork() == 0) exit(10 + i);
  }
  for (int i = 0; i < 3; i++) {
    pid_t w = wait(&status);
    if (w > 0 && WIFEXITED(status)) printf("code %d\n", WEXITSTATUS(status));
  }
  return 0;
}
