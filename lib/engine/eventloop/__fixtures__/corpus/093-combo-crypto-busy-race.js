// Generated puzzle 93: crypto + busy + race + strings.
// alpha: crypto
const cryptoalpha = require('crypto');
cryptoalpha.pbkdf2('pw', 'salt', 300000, 16, 'sha512', (err, key) => console.log('alpha: slow key ' + key.length));
cryptoalpha.pbkdf2('pw', 'salt', 1, 32, 'sha512', (err, key) => console.log('alpha: quick key ' + key.length));
// bravo: busy
setTimeout(() => {
  const tbravo = Date.now();
  while (Date.now() - tbravo < 50) {}
  console.log('bravo: busy 50 ms done');
}, 1);
setTimeout(() => console.log('bravo: short timer waited for the busy one'), 5);
// charlie: race
const delaycharlie = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delaycharlie(120, 'A'), delaycharlie(10, 'B')]).then((w) => console.log('charlie: winner ' + w));
// delta: strings
const sdelta = 'Promise Jobs';
setTimeout(() => {
  console.log(`delta: ${sdelta.toLowerCase()} / ${sdelta.length} / ${sdelta.split(' ').reverse().join(' ')}`);
  console.log('delta: ' + sdelta.slice(0, 5).padEnd(8, '.') + '|' + sdelta.replace(' ', '_'));
}, 1);
console.log('end of script');
