# A lock taken and dropped through call/ret, with the lock's address passed on the stack.
.var lock
.var total

.main
.next
lea  lock, %ax
push %ax
call .acquire
pop
mov  total, %ax
add  $1, %ax
mov  %ax, total
lea  lock, %ax
push %ax
call .release
pop
sub  $1, %bx
test $0, %bx
jgt  .next
halt

.acquire
push %bp
mov  %sp, %bp
mov  8(%bp), %dx     # the lock's address
.spin
mov  $1, %cx
xchg %cx, (%dx)
test $0, %cx
jne  .spin
pop  %bp
ret

.release
mov  4(%sp), %dx
mov  $0, (%dx)
ret
