jne %ax
halt
