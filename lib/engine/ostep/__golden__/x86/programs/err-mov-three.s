mov %ax, %bx, %cx
halt
