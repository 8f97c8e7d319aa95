pop 2000
halt
