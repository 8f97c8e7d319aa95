mov 4(%ax, %bx
halt
