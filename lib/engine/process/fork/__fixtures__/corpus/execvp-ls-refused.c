/* corpus: ls output depends on the directory: refused */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
/* expect-refusal: exec of ls is outside the model */
int main(void) {
  if (fork() == 0) { char *args[] = {"ls", "-l", NULL}; execvp("ls", args); exit(1); }
  wait(NULL);
  printf("listed\n");
  return 0;
}
