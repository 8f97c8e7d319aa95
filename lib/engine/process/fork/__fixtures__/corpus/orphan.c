/* corpus: the parent exits first; the orphan prints later and sees the reaper */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  pid_t p = fork();
  if (p == 0) {
    usleep(250000);
    printf("orphan, parent now [%d]\n", getppid());
    return 0;
  }
  printf("parent [%d] leaving\n", getpid());
  return 0;
}
