# Counts %dx down past zero: one subtract and one compare per pass.
.main
.again
sub  $1, %dx
test $0, %dx
jgte .again
halt
