mov (ax), %bx
halt
