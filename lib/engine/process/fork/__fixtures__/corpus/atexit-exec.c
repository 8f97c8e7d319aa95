/* corpus: exec drops atexit handlers; a failed exec keeps them */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
void h(void) { printf("handler\n"); }
int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  atexit(h);
  if (fork() == 0) { execl("/bin/echo", "echo", "replaced", NULL); }
  wait(NULL);
  if (fork() == 0) { execl("/bin/none", "none", NULL); printf("exec failed\n"); exit(0); }
  wait(NULL);
  return 0;
}
