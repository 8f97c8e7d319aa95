# Peterson's algorithm for two threads; %bx holds the thread's id (0 or 1), %dx the loop count.
.var want 2       # want[0], want[1]
.var victim
.var total

.main
lea  want, %fx
mov  %bx, %cx
neg  %cx
add  $1, %cx          # cx = the other thread
.again
mov  $1, 0(%fx,%bx,4) # want[me] = 1
mov  %cx, victim      # let the other go first
.wait
mov  0(%fx,%cx,4), %ax
test $1, %ax
jne  .enter           # other does not want in
mov  victim, %ax
test %cx, %ax
je   .wait            # other wants in and it is its turn
.enter
mov  total, %ax
add  $1, %ax
mov  %ax, total
mov  $0, 0(%fx,%bx,4) # want[me] = 0
sub  $1, %dx
test $0, %dx
jgt  .again
halt
