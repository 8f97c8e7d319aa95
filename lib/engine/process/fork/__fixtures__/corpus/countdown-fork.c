/* corpus: while (n-- > 0) fork(): how many processes */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int n = 3;
  while (n-- > 0) fork();
  printf("n=%d\n", n);
  return 0;
}
