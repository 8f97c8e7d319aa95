/* corpus: pipe() between processes is outside the model */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
/* expect-refusal: 'pipe()' is outside the supported C subset */
int main(void) {
  int fd[2];
  pipe(fd);
  if (fork() == 0) { write(fd[1], "x", 1); exit(0); }
  char c;
  read(fd[0], &c, 1);
  printf("got it\n");
  return 0;
}
