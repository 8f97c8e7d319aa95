mov $1, $2
halt
