// Generated puzzle 63: crypto + interval + microorder + crash.
// alpha: crypto
const cryptoalpha = require('crypto');
cryptoalpha.pbkdf2('pw', 'salt', 300000, 32, 'sha512', (err, key) => console.log('alpha: slow key ' + key.length));
cryptoalpha.pbkdf2('pw', 'salt', 1, 64, 'sha512', (err, key) => console.log('alpha: quick key ' + key.length));
// bravo: interval
let nbravo = 0;
const ivbravo = setInterval(() => {
  nbravo++;
  console.log(`bravo: interval ${nbravo}`);
  if (nbravo >= 3) {
    clearInterval(ivbravo);
    process.nextTick(() => console.log('bravo: interval cleared'));
  }
}, 30);
// charlie: microorder
queueMicrotask(() => console.log('charlie: qm 1'));
Promise.resolve().then(() => console.log('charlie: then 1')).then(() => console.log('charlie: then 2'));
queueMicrotask(() => console.log('charlie: qm 2'));
(async () => { await undefined; console.log('charlie: await 1'); await undefined; console.log('charlie: await 2'); })();
// zulu: crash
setTimeout(() => { process.nextTick(() => { console.log('zulu: tick throws'); null.boom; }); }, 250);
setTimeout(() => console.log('zulu: never printed'), 400);
console.log('end of script');
