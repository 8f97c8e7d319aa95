ret %ax
halt
