mov (%ax,%bx,q), %cx
halt
