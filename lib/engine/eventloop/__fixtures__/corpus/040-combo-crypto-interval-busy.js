// Generated puzzle 40: crypto + interval + busy + error.
// alpha: crypto
const cryptoalpha = require('crypto');
cryptoalpha.pbkdf2('pw', 'salt', 200000, 64, 'sha512', (err, key) => console.log('alpha: slow key ' + key.length));
cryptoalpha.pbkdf2('pw', 'salt', 1, 128, 'sha512', (err, key) => console.log('alpha: quick key ' + key.length));
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
// charlie: busy
setTimeout(() => {
  const tcharlie = Date.now();
  while (Date.now() - tcharlie < 30) {}
  console.log('charlie: busy 30 ms done');
}, 1);
setTimeout(() => console.log('charlie: short timer waited for the busy one'), 5);
// delta: error
function checkdelta(v) {
  if (v > 2) throw new Error('not found #' + v);
  return v;
}
try {
  checkdelta(1);
  checkdelta(5);
  console.log('delta: not reached');
} catch (e) {
  console.log('delta: caught ' + e.message + ' (' + e.name + ')');
} finally {
  console.log('delta: cleanup');
}
console.log('end of script');
