# writes over its own next instruction, which then is not a string to eval
mov $0, 1001
halt
halt
