# Test-and-set that gives the CPU away instead of spinning.
.var lock
.var total

.main
.next
.grab
mov  $1, %ax
xchg %ax, lock
test $0, %ax
je   .have
yield
j    .grab
.have
mov  total, %ax
add  $1, %ax
mov  %ax, total
mov  $0, lock
sub  $1, %bx
test $0, %bx
jgt  .next
halt
