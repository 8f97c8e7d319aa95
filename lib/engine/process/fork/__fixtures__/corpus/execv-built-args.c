/* corpus: argv built with sprintf into char arrays, execv echo */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  char a[16], b[16];
  for (int i = 0; i < 2; i++) {
    sprintf(a, "item%d", i);
    snprintf(b, sizeof(b), "of-%d", 2);
    char *argv[] = {"echo", a, b, NULL};
    if (fork() == 0) { execv("/bin/echo", argv); exit(1); }
    wait(NULL);
  }
  printf("built\n");
  return 0;
}
