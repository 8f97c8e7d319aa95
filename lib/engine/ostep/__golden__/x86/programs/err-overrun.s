.var big 300
.main
halt
