/* corpus: char arg[] passed to execl /bin/echo (full) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  
  char arg[] = "from echo";
  printf("before\n");
  pid_t p = fork();
  if (p == 0) {
    execl("/bin/echo", "echo", arg, NULL);
    printf("not reached\n");
    exit(1);
  }
  waitpid(p, NULL, 0);
  printf("after\n");
  return 0;
}
