/* corpus: three generations each report their depth and wait */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int depth = 0;
void report(void) { printf("depth %d exits\n", depth); }
int main(void) {
  atexit(report);
  for (int i = 0; i < 2; i++) {
    pid_t p = fork();
    if (p == 0) { depth++; continue; }
    waitpid(p, NULL, 0);
    break;
  }
  printf("depth %d working\n", depth);
  return 0;
}
