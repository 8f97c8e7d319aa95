add $1, *5
halt
