test 2000, %ax
halt
