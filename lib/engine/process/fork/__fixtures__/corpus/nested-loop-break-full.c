/* corpus: nested loops with fork and break: which processes print (full) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  
  for (int i = 0; i < 2; i++) {
    for (int j = 0; j < 2; j++) {
      if (fork() == 0) { printf("c %d %d\n", i, j); break; }
      wait(NULL);
    }
  }
  return 0;
}
