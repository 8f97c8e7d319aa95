lea %ax, %bx
halt
