/* corpus: char tag grown per fork level, the whole tree waits (3-line) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  char tag[16] = "P";
  int depth = 1;
  for (int i = 0; i < 3; i++) {
    if (fork() == 0) { tag[depth++] = 'c'; tag[depth] = '\0'; }
  }
  while (wait(NULL) > 0) ;
  printf("%s\n", tag);
  return 0;
}
