/* corpus: an orphan with an atexit handler prints after its parent exits */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
void done(void) { printf("handler in [%d]\n", getpid()); }
int main(void) {
  atexit(done);
  if (fork() == 0) { usleep(250000); printf("late child\n"); exit(0); }
  printf("parent quits\n");
  return 0;
}
