let count = 3;
const timer = setInterval(() => {
  console.log(`countdown ${count}`);
  count--;
  if (count === 0) {
    clearInterval(timer);
    Promise.resolve().then(() => console.log('liftoff (microtask)'));
    setImmediate(() => console.log('after liftoff (immediate)'));
  }
}, 10);
process.nextTick(() => console.log('before any tick'));
console.log('interval started');
