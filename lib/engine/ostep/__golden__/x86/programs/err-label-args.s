.top now
halt
