mov 1x(%ax), %bx
halt
