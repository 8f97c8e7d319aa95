/* corpus: each child builds its name with sprintf and prints it (2) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  char name[32];
  for (int i = 0; i < 2; i++) {
    if (fork() == 0) {
      sprintf(name, "worker-%02d", i);
      printf("%s ready\n", name);
      exit(0);
    }
  }
  for (int i = 0; i < 2; i++) wait(NULL);
  printf("all %d workers done\n", 2);
  return 0;
}
