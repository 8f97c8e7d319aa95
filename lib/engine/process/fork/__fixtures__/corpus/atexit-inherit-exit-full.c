/* corpus: atexit handler inherited by the child; _exit skips it (exit-full) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
void bye(void) { printf("bye from [%d]\n", getpid()); }
int main(void) {
  
  atexit(bye);
  pid_t p = fork();
  if (p == 0) { printf("child\n"); exit(0); }
  waitpid(p, NULL, 0);
  printf("parent\n");
  return 0;
}
