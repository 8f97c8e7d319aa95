# A "lock" that is a plain load then store: two threads can both see it free.
.var lock
.var total

.main
.next
.spin
mov  lock, %ax
test $0, %ax
jne  .spin
mov  $1, lock      # claim (not atomic with the load above)
mov  total, %ax
add  $1, %ax
mov  %ax, total
mov  $0, lock      # release
sub  $1, %bx
test $0, %bx
jgt  .next
halt
