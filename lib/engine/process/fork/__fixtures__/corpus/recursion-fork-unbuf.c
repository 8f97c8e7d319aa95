/* corpus: a recursive function forks at each level (unbuf) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
void spawn(int n) {
  if (n == 0) return;
  pid_t p = fork();
  if (p == 0) { printf("depth %d\n", n); spawn(n - 1); exit(0); }
  waitpid(p, NULL, 0);
}
int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  spawn(3);
  printf("top done\n");
  return 0;
}
