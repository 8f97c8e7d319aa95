/* corpus: printf before fork without flush: the buffer is copied (unbuf) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  printf("hello\n");
  fork();
  printf("bye\n");
  return 0;
}
