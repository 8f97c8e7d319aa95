neg 2000
halt
