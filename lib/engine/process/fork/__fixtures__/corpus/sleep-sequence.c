/* corpus: the parent sleeps between forks so children print in order */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  for (int i = 0; i < 3; i++) {
    if (fork() == 0) { printf("child %d\n", i); exit(0); }
    usleep(150000);
  }
  while (wait(NULL) > 0) ;
  printf("parent done\n");
  return 0;
}
