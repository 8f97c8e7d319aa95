mov $1, %gx
halt
