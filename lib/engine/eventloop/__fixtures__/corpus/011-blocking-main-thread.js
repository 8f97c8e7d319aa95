// A busy-wait blocks the loop: the 10 ms timer is long overdue when the loop starts.
const start = Date.now();
setTimeout(() => console.log('timeout 10 ms'), 10);
setTimeout(() => console.log('timeout 300 ms'), 300);
setImmediate(() => console.log('immediate'));
while (Date.now() - start < 60) {
  // spin
}
console.log('blocked for 60 ms');
