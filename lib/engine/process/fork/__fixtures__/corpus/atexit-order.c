/* corpus: two handlers run last-registered first, in each process */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
void first(void) { printf("first\n"); }
void second(void) { printf("second\n"); }
int main(void) {
  atexit(first);
  if (fork() == 0) { atexit(second); printf("child main\n"); exit(0); }
  wait(NULL);
  printf("parent main\n");
  return 0;
}
