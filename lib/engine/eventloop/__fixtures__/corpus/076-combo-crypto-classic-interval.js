// Generated puzzle 76: crypto + classic + interval + nested.
// alpha: crypto
const cryptoalpha = require('crypto');
cryptoalpha.pbkdf2('pw', 'salt', 300000, 16, 'sha512', (err, key) => console.log('alpha: slow key ' + key.length));
cryptoalpha.pbkdf2('pw', 'salt', 1, 32, 'sha512', (err, key) => console.log('alpha: quick key ' + key.length));
// bravo: classic
console.log('bravo: sync');
setTimeout(() => console.log('bravo: timeout 0'), 0);
setImmediate(() => console.log('bravo: immediate'));
Promise.resolve('bravo').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('bravo: nextTick'));
// charlie: interval
let ncharlie = 0;
const ivcharlie = setInterval(() => {
  ncharlie++;
  console.log(`charlie: interval ${ncharlie}`);
  if (ncharlie >= 4) {
    clearInterval(ivcharlie);
    process.nextTick(() => console.log('charlie: interval cleared'));
  }
}, 40);
// delta: nested
setTimeout(() => {
  console.log('delta: outer timeout');
  setImmediate(() => console.log('delta: inner immediate'));
  setTimeout(() => console.log('delta: inner timeout'), 0);
  process.nextTick(() => console.log('delta: inner tick'));
}, 10);
console.log('end of script');
