push $4
halt
