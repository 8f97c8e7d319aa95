# nothing here but a halt

   
halt # done
