/* corpus: a global counter incremented after fork in each process (unbuf) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int counter = 0;
int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  for (int i = 0; i < 2; i++) {
    if (fork() == 0) counter++;
    else counter += 10;
  }
  printf("counter=%d\n", counter);
  while (wait(NULL) > 0) ;
  return 0;
}
