mov $10, %ax
add $25, %ax
mov %ax, 2000
halt
