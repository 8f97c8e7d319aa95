mov 2000, 3000
halt
