/* corpus: children sleep, the parent prints first, then waits */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  for (int i = 0; i < 2; i++) {
    if (fork() == 0) { usleep(150000 * (i + 1)); printf("child %d\n", i); exit(0); }
  }
  printf("parent first\n");
  while (wait(NULL) > 0) ;
  printf("parent last\n");
  return 0;
}
