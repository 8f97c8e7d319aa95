// Generated puzzle 79: classic + interval + crypto + microorder.
// alpha: classic
console.log('alpha: sync');
setTimeout(() => console.log('alpha: timeout 1'), 1);
setImmediate(() => console.log('alpha: immediate'));
Promise.resolve('alpha').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('alpha: nextTick'));
// bravo: interval
let nbravo = 0;
const ivbravo = setInterval(() => {
  nbravo++;
  console.log(`bravo: interval ${nbravo}`);
  if (nbravo >= 4) {
    clearInterval(ivbravo);
    process.nextTick(() => console.log('bravo: interval cleared'));
  }
}, 30);
// charlie: crypto
const cryptocharlie = require('crypto');
cryptocharlie.pbkdf2('pw', 'salt', 200000, 32, 'sha512', (err, key) => console.log('charlie: slow key ' + key.length));
cryptocharlie.pbkdf2('pw', 'salt', 1, 64, 'sha512', (err, key) => console.log('charlie: quick key ' + key.length));
// delta: microorder
queueMicrotask(() => console.log('delta: qm 1'));
Promise.resolve().then(() => console.log('delta: then 1')).then(() => console.log('delta: then 2'));
queueMicrotask(() => console.log('delta: qm 2'));
(async () => { await undefined; console.log('delta: await 1'); await undefined; console.log('delta: await 2'); })();
console.log('end of script');
