/* corpus: /bin/sh -c with two echos and an exit code */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int st;
  pid_t p = fork();
  if (p == 0) {
    execl("/bin/sh", "sh", "-c", "echo one; echo two; exit 3", (char *)NULL);
    _exit(99);
  }
  waitpid(p, &st, 0);
  printf("sh said %d\n", WEXITSTATUS(st));
  return 0;
}
