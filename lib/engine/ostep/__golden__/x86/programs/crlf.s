.main
mov $5, %ax

  add $1, %ax   
halt
