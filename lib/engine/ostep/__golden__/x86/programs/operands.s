# Every operand form the parser accepts, with odd spacing on purpose.
.var arr 4
.var one

.main
mov $3, %ax
mov $-2, %bx
mul $5, %ax
mul %bx, %ax
neg %ax
lea arr, %cx
mov %ax, arr
mov $7, 4(%cx)
mov $9, (%cx,%bx,-2)
mov 4 ( %cx ) , %dx
mov 16(,%bx,-4), %ex
mov -4(%cx,%bx,-4),%fx
mov %dx,   (%cx , %zero)
push %dx
push 8(%cx)
pop %ex
pop
nop
rdump
mdump 100
mdump 104
mov one, %ax
test %ax, $0
jlte .skip
mov $1, one
.skip
test $4, %dx
jlt .out
jne .out
.out
halt
