# no halt: execution runs into memory that holds 0
mov $1, %ax
add $2, %ax
