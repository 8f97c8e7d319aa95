# One unprotected increment of the word at address 2000.
.main
mov 2000, %ax   # load
add $1, %ax     # bump
mov %ax, 2000   # store
halt
