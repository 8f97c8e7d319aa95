/* corpus: printf without newline in a loop of forks (unbuf) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  for (int i = 0; i < 2; i++) {
    printf("%d", i);
    fork();
  }
  printf("\n");
  return 0;
}
