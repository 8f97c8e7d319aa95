/* corpus: puts, fflush before fork, then both print */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  puts("start");
  fflush(stdout);
  pid_t p = fork();
  puts(p == 0 ? "child" : "parent");
  if (p != 0) wait(NULL);
  return 0;
}
