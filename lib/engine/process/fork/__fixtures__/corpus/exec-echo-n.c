/* corpus: echo -n pieces from several children, sequenced by wait */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  const char *words[] = {"alpha", "beta", "gamma"};
  for (int i = 0; i < 3; i++) {
    if (fork() == 0) { execlp("echo", "echo", "-n", words[i], NULL); _exit(1); }
    wait(NULL);
    write(1, " ", 1);
  }
  printf("\n");
  return 0;
}
