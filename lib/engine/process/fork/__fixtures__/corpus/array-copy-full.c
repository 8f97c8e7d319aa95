/* corpus: an int array is copied by fork: the child's change is invisible to the parent (full) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int counts[3];
int main(void) {
  
  counts[0] = 1;
  pid_t p = fork();
  if (p == 0) {
    counts[0] += 10; counts[2] = 5;
    printf("child %d %d %d\n", counts[0], counts[1], counts[2]);
    exit(0);
  }
  wait(NULL);
  printf("parent %d %d %d\n", counts[0], counts[1], counts[2]);
  return 0;
}
