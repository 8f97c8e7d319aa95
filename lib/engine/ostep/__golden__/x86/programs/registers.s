# Register-to-register moves, arithmetic and every conditional jump.
.main
mov %ax, %bx
add %ax, %bx
sub $1, %bx
mov %bx, %cx
sub %ax, %cx
test %ax, %bx
jgt .a
nop
.a
test %bx, %ax
jgte .b
nop
.b
test $0, %cx
je .c
nop
.c
test %cx, %ax
jlt .d
nop
.d
j .e
nop
.e
mov %cx, 3000
mov 3000, %dx
halt
