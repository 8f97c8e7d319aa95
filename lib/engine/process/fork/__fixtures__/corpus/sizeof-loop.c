/* corpus: loop bound from sizeof(array)/sizeof(array[0]) with execs */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  char *msgs[] = {"one", "two"};
  int n = sizeof(msgs) / sizeof(msgs[0]);
  for (int i = 0; i < n; i++) {
    pid_t p = fork();
    if (p == 0) { execl("/bin/echo", "echo", msgs[i], NULL); _exit(1); }
    waitpid(p, NULL, 0);
  }
  printf("n=%d\n", n);
  return 0;
}
