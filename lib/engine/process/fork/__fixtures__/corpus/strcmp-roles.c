/* corpus: role names compared with strcmp decide what each process does */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  char role[16] = "parent";
  pid_t p = fork();
  if (p == 0) strcpy(role, "child");
  if (strcmp(role, "child") == 0) { printf("I am the %s\n", role); exit(2); }
  int st;
  waitpid(p, &st, 0);
  printf("%s saw %d\n", role, WEXITSTATUS(st));
  return 0;
}
