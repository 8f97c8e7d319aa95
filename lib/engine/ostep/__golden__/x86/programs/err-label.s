mov $1, %ax
j .nowhere
halt
