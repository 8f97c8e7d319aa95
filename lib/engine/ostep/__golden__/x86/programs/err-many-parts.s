mov (%ax,%bx,1,2), %cx
halt
