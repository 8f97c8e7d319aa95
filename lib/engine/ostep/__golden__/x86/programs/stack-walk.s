# ret jumps to whatever the stack holds
mov $1003, %ax
push %ax
ret
halt
mov $2, %bx
halt
