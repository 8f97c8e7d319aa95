/* corpus: double fork: the middle child exits, the grandchild is adopted (line) */
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
    if (fork() == 0) {
      usleep(250000);
      printf("grandchild parent is [%d]\n", getppid());
      exit(0);
    }
    printf("middle exits\n");
    exit(0);
  }
  waitpid(p, NULL, 0);
  printf("parent reaped middle\n");
  return 0;
}
