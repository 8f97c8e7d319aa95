/* corpus: tags with strlen, waiting parents print after their subtree */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  char tag[32];
  strcpy(tag, "root");
  for (int i = 0; i < 2; i++) {
    pid_t p = fork();
    if (p == 0) { strcat(tag, "-c"); }
    else { waitpid(p, NULL, 0); }
  }
  printf("%s len=%d\n", tag, (int)strlen(tag));
  return 0;
}
