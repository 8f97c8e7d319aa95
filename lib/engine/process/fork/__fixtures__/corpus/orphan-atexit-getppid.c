/* corpus: an orphan with an atexit handler reports its new parent */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
void note(void) { printf("atexit in [%d]\n", getpid()); }
int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  pid_t p = fork();
  if (p == 0) {
    atexit(note);
    usleep(200000);
    printf("orphan: parent [%d]\n", getppid());
    return 0;
  }
  printf("parent [%d] done, child [%d]\n", getpid(), p);
  return 0;
}
