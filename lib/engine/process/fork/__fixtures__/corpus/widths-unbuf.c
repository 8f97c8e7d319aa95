/* corpus: printf widths and flags across a fork (unbuf) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  pid_t p = fork();
  printf("[%5d|%-6s|%03d]\n", p == 0 ? 1 : 2, p == 0 ? "kid" : "dad", 7);
  if (p) wait(NULL);
  return 0;
}
