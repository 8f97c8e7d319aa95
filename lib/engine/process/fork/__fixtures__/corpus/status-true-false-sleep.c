/* corpus: true/false run after sleeps, statuses printed in exit order */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  int st;
  if (fork() == 0) { usleep(250000); execl("/bin/true", "true", NULL); _exit(9); }
  if (fork() == 0) { execl("/bin/false", "false", NULL); _exit(9); }
  for (int i = 0; i < 2; i++) {
    wait(&st);
    printf("status %d\n", WEXITSTATUS(st));
  }
  return 0;
}
