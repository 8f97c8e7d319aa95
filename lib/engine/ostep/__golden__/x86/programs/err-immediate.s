mov $x, %ax
halt
