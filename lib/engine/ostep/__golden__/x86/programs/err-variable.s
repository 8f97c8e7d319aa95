mov counter, %ax
halt
