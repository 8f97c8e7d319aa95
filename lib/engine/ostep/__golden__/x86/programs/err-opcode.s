mov $1, %ax
inc %ax
halt
