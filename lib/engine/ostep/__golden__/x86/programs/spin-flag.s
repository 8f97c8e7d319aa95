# A thread started with ax=1 raises the flag at 2000; the others spin until it is up.
.main
test $1, %ax
je .raise
.wait
mov 2000, %cx
test $1, %cx
jne .wait
halt
.raise
mov $1, 2000
halt
