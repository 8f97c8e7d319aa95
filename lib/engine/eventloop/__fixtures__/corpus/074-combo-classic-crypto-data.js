// Generated puzzle 74: classic + crypto + data + interval.
// alpha: classic
console.log('alpha: sync');
setTimeout(() => console.log('alpha: timeout 0'), 0);
setImmediate(() => console.log('alpha: immediate'));
Promise.resolve('alpha').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('alpha: nextTick'));
// bravo: crypto
const cryptobravo = require('crypto');
cryptobravo.pbkdf2('pw', 'salt', 300000, 64, 'sha512', (err, key) => console.log('bravo: slow key ' + key.length));
cryptobravo.pbkdf2('pw', 'salt', 1, 128, 'sha512', (err, key) => console.log('bravo: quick key ' + key.length));
// charlie: data
const itemscharlie = [8, 8, 3];
const doubledcharlie = itemscharlie.map((x) => x * 2);
itemscharlie.push(10);
const firstcharlie = itemscharlie.shift();
console.log('charlie:', doubledcharlie, 'first', firstcharlie, 'sum', itemscharlie.reduce((a, b) => a + b, 0));
const usercharlie = { name: 'charlie', tags: ['a', 'b'], active: true };
console.log('charlie:', usercharlie, Object.keys(usercharlie).length);
// delta: interval
let ndelta = 0;
const ivdelta = setInterval(() => {
  ndelta++;
  console.log(`delta: interval ${ndelta}`);
  if (ndelta >= 3) {
    clearInterval(ivdelta);
    process.nextTick(() => console.log('delta: interval cleared'));
  }
}, 30);
console.log('end of script');
