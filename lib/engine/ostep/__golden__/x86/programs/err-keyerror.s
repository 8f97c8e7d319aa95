mov 999999, %ax
halt
