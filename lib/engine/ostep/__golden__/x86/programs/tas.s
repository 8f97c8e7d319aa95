# Spin lock on an atomic exchange (test-and-set).
.var lock
.var total

.main
.next
.grab
mov  $1, %ax
xchg %ax, lock     # ax <- old value, lock <- 1, in one step
test $0, %ax
jne  .grab
mov  total, %ax
add  $1, %ax
mov  %ax, total
mov  $0, lock
sub  $1, %bx
test $0, %bx
jgt  .next
halt
