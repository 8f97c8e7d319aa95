/* corpus: fork() && fork() || fork(), each process says who it is (full) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  
  int r = (fork() && fork()) || fork();
  printf("r=%d\n", r);
  while (wait(NULL) > 0) ;
  return 0;
}
