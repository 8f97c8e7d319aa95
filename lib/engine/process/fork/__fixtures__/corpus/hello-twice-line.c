/* corpus: printf before fork without flush: the buffer is copied (line) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  printf("hello\n");
  fork();
  printf("bye\n");
  return 0;
}
