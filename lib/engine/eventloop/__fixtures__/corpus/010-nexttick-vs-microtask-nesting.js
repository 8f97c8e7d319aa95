process.nextTick(() => {
  console.log('tick 1');
  Promise.resolve().then(() => console.log('promise inside tick'));
  process.nextTick(() => console.log('tick inside tick'));
});
Promise.resolve().then(() => {
  console.log('promise 1');
  process.nextTick(() => console.log('tick inside promise'));
  Promise.resolve().then(() => console.log('promise inside promise'));
});
queueMicrotask(() => console.log('queueMicrotask'));
setImmediate(() => {
  console.log('immediate');
  process.nextTick(() => console.log('tick inside immediate'));
});
