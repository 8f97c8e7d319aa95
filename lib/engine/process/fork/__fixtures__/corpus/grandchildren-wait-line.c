/* corpus: everyone waits for their children: leaves print first (line) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  pid_t a = fork();
  pid_t b = fork();
  while (wait(NULL) > 0) ;
  printf("%s %s\n", a == 0 ? "a-child" : "a-parent", b == 0 ? "b-child" : "b-parent");
  return 0;
}
