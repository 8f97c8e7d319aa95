/* corpus: a chain: each process forks one child and waits for it (full) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  
  int i;
  for (i = 0; i < 3; i++) {
    pid_t p = fork();
    if (p != 0) { waitpid(p, NULL, 0); break; }
  }
  printf("level %d\n", i);
  return 0;
}
