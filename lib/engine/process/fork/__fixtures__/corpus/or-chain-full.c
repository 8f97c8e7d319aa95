/* corpus: fork() || fork() with a wait for every child (full) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  
  if (fork() || fork()) printf("A\n");
  else printf("B\n");
  while (wait(NULL) > 0) ;
  printf("done\n");
  return 0;
}
