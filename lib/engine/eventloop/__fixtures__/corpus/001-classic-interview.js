// The classic: sync, nextTick, promises, timers and immediates from the main module.
console.log('script start');
setTimeout(() => console.log('setTimeout 0'), 0);
setImmediate(() => console.log('setImmediate'));
Promise.resolve()
  .then(() => console.log('promise 1'))
  .then(() => console.log('promise 2'));
process.nextTick(() => console.log('nextTick 1'));
queueMicrotask(() => console.log('microtask'));
process.nextTick(() => console.log('nextTick 2'));
console.log('script end');
