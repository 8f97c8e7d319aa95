/* corpus: write(2) goes out at once, printf waits in the buffer (line) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  printf("printf first\n");
  write(1, "write second\n", 13);
  if (fork() == 0) { write(1, "child write\n", 12); exit(0); }
  wait(NULL);
  return 0;
}
