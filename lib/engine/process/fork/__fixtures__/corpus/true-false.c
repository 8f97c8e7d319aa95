/* corpus: exec true and false, print statuses */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int st;
  const char *progs[] = {"/bin/true", "/bin/false", "/usr/bin/true"};
  for (int i = 0; i < 3; i++) {
    pid_t p = fork();
    if (p == 0) { execl(progs[i], progs[i], NULL); _exit(50); }
    waitpid(p, &st, 0);
    printf("%s -> %d\n", progs[i], WEXITSTATUS(st));
  }
  return 0;
}
