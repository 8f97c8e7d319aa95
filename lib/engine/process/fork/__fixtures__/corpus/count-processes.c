/* corpus: how many times is x printed: forks in a loop with a condition */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  for (int i = 0; i < 3; i++) {
    if (fork() == 0 && i % 2 == 0) fork();
  }
  printf("x\n");
  return 0;
}
