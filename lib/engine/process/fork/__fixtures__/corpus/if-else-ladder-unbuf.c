/* corpus: nested if/else on fork results with waits (unbuf) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  if (fork() == 0) {
    if (fork() == 0) printf("grandchild\n");
    else { wait(NULL); printf("child\n"); }
  } else {
    wait(NULL);
    printf("parent\n");
  }
  return 0;
}
