.var a b c d
halt
