/* corpus: a fan: the parent forks children that print, then waits for all (full) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  
  for (int i = 0; i < 3; i++) {
    if (fork() == 0) { printf("child %d\n", i); return 0; }
  }
  while (wait(NULL) > 0) ;
  printf("parent\n");
  return 0;
}
