/* corpus: children exec echo with sprintf'd arguments, one exec fails; the parent counts successes */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int st, ok = 0, failed = 0;
  char word[16];
  const char *paths[] = {"/bin/echo", "/usr/bin/echo", "/bin/no-echo-here"};
  for (int i = 0; i < 3; i++) {
    sprintf(word, "job%d", i);
    pid_t p = fork();
    if (p == 0) {
      execl(paths[i], "echo", word, NULL);
      fprintf(stderr, "%s: cannot run %s\n", word, paths[i]);
      _exit(127);
    }
    waitpid(p, &st, 0);
    if (WIFEXITED(st) && WEXITSTATUS(st) == 0) ok++;
    else failed++;
  }
  printf("ok=%d failed=%d\n", ok, failed);
  return 0;
}
