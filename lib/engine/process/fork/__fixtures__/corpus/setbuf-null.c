/* corpus: setbuf(stdout, NULL) makes stdout unbuffered: no duplication */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  setbuf(stdout, NULL);
  printf("once ");
  fork();
  printf("each\n");
  wait(NULL);
  return 0;
}
