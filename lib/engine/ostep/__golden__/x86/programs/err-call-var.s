.var f
call f
halt
