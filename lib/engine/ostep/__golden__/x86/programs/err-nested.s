mov ((%ax)), %bx
halt
