/* corpus: fflush(NULL) before fork stops the duplication */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  printf("once");
  fflush(NULL);
  fork();
  printf("\n");
  return 0;
}
