/* corpus: fork(); fork() && fork(); fork(); how many lines */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  fork();
  fork() && fork();
  fork();
  printf("forked\n");
  return 0;
}
