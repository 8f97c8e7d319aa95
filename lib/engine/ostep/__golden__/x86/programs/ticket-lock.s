# Ticket lock: fetch-and-add hands out tickets; a thread enters when "serving" reaches its ticket.
.var next
.var serving
.var total

.main
.again
mov $1, %ax
fetchadd %ax, next    # ax <- my ticket
.wait
mov serving, %cx
test %cx, %ax
jne .wait
mov total, %dx
add $1, %dx
mov %dx, total
mov $1, %cx
fetchadd %cx, serving
sub $1, %bx
test $0, %bx
jgt .again
halt
