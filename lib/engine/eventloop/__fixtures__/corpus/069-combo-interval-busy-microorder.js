// Generated puzzle 69: interval + busy + microorder + crypto.
// alpha: interval
let nalpha = 0;
const ivalpha = setInterval(() => {
  nalpha++;
  console.log(`alpha: interval ${nalpha}`);
  if (nalpha >= 4) {
    clearInterval(ivalpha);
    process.nextTick(() => console.log('alpha: interval cleared'));
  }
}, 20);
// bravo: busy
setTimeout(() => {
  const tbravo = Date.now();
  while (Date.now() - tbravo < 50) {}
  console.log('bravo: busy 50 ms done');
}, 1);
setTimeout(() => console.log('bravo: short timer waited for the busy one'), 5);
// charlie: microorder
queueMicrotask(() => console.log('charlie: qm 1'));
Promise.resolve().then(() => console.log('charlie: then 1')).then(() => console.log('charlie: then 2'));
queueMicrotask(() => console.log('charlie: qm 2'));
(async () => { await undefined; console.log('charlie: await 1'); await undefined; console.log('charlie: await 2'); })();
// delta: crypto
const cryptodelta = require('crypto');
cryptodelta.pbkdf2('pw', 'salt', 200000, 16, 'sha512', (err, key) => console.log('delta: slow key ' + key.length));
cryptodelta.pbkdf2('pw', 'salt', 1, 32, 'sha512', (err, key) => console.log('delta: quick key ' + key.length));
console.log('end of script');
