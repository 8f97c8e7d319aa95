mov 12x, %ax
halt
