/* corpus: errno after a failed exec is ENOENT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
#include <errno.h>
int main(void) {
  if (execl("./not-here", "not-here", NULL) == -1 && errno == ENOENT) printf("no such file\n");
  if (fork() == 0) { execlp("definitely-missing-cmd", "x", NULL); printf("child continues after exec\n"); return 1; }
  wait(NULL);
  return 0;
}
