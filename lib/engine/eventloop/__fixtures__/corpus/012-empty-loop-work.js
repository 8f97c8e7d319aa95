setTimeout(() => console.log('timer 5'), 5);
setTimeout(() => console.log('timer 400'), 400);
for (let i = 0; i < 200000000; i++) {}
console.log('loop finished');
setImmediate(() => console.log('immediate after loop'));
