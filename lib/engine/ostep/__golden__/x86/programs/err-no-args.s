add
halt
