setTimeout(() => {
  console.log('first timer');
  Promise.resolve().then(() => console.log('microtask after first timer'));
}, 5);
setTimeout(() => {
  console.log('second timer throws');
  throw new TypeError('bad state');
}, 40);
setTimeout(() => console.log('third timer never'), 200);
const iv = setInterval(() => console.log('interval'), 100);
console.log('scheduled', typeof iv);
