/* corpus: waitpid(-1, &st, 0) in a loop, children exit 0 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int st, reaped = 0;
  for (int i = 0; i < 3; i++) if (fork() == 0) { printf("kid %d\n", i); exit(0); }
  while (waitpid(-1, &st, 0) > 0) reaped++;
  printf("reaped %d\n", reaped);
  return 0;
}
