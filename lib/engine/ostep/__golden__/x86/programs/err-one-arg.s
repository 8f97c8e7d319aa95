sub $1
halt
