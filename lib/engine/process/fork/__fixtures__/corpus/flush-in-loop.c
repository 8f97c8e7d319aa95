/* corpus: printf without newline and fflush in a loop of forks */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  for (int i = 0; i < 3; i++) {
    printf("%d ", i);
    fflush(stdout);
    if (fork() == 0) { printf("c%d\n", i); exit(0); }
    wait(NULL);
  }
  printf("end\n");
  return 0;
}
