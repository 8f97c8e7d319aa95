/* corpus: the classic: printf without newline before two forks */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  printf("a");
  fork();
  printf("b");
  fork();
  printf("c\n");
  return 0;
}
