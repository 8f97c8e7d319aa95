/* corpus: strncpy into a fixed buffer, labels for each level */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  char label[8];
  memset(label, 0, sizeof(label));
  strncpy(label, "lvl", 3);
  for (int i = 0; i < 2; i++) {
    if (fork() == 0) { label[3 + i] = '0' + i; }
    else { wait(NULL); break; }
  }
  printf("%s\n", label);
  return 0;
}
