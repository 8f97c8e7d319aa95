xchg %ax, %bx
halt
