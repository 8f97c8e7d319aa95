.top
mov $1, %ax
  .later
halt
