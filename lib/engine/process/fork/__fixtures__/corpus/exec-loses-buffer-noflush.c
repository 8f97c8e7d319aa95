/* corpus: text buffered before exec is lost in pipe mode unless flushed (noflush) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <sys/types.h>
int main(void) {
  printf("parent line\n");
  if (fork() == 0) {
    printf("child buffered ");
    
    execl("/bin/echo", "echo", "echo speaks", NULL);
  }
  wait(NULL);
  printf("end\n");
  return 0;
}
