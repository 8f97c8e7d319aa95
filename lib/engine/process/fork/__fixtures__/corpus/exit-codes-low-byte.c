/* corpus: exit(256+3) and exit(-1): only the low byte is the status */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int st;
  int codes[3] = {259, -1, 42};
  for (int i = 0; i < 3; i++) {
    pid_t p = fork();
    if (p == 0) exit(codes[i]);
    waitpid(p, &st, 0);
    printf("exit(%d) -> %d\n", codes[i], WEXITSTATUS(st));
  }
  return 0;
}
