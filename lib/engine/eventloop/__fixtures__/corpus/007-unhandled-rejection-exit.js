// Node 20 crashes on an unhandled rejection: everything after the crash is never printed.
console.log('start');
setTimeout(() => console.log('timer never runs'), 0);
process.nextTick(() => console.log('tick runs'));
Promise.resolve().then(() => console.log('then runs'));
Promise.reject(new Error('nobody catches me'));
console.log('end of script');
