/* corpus: exec of a missing program returns -1; perror; status 127 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int status;
  pid_t p = fork();
  if (p == 0) {
    char *args[] = {"mystery", "-x", NULL};
    if (execvp("/usr/local/bin/mystery-tool", args) == -1) {
      perror("exec");
      exit(127);
    }
  }
  waitpid(p, &status, 0);
  if (WIFEXITED(status)) printf("child exited with %d\n", WEXITSTATUS(status));
  return 0;
}
