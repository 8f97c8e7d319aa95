mov -8(%zero), %ax
halt
