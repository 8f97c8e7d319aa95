# Test-and-test-and-set: spin on plain loads, exchange only when the lock looks free.
.var lock
.var total

.main
.next
.look
mov  lock, %ax
test $0, %ax
jne  .look
mov  $1, %ax
xchg %ax, lock
test $0, %ax
jne  .look
mov  total, %ax
add  $1, %ax
mov  %ax, total
mov  $0, lock
sub  $1, %bx
test $0, %bx
jgt  .next
halt
