// Generated puzzle 90: crypto + data + interval + strings + crash.
// alpha: crypto
const cryptoalpha = require('crypto');
cryptoalpha.pbkdf2('pw', 'salt', 200000, 16, 'sha512', (err, key) => console.log('alpha: slow key ' + key.length));
cryptoalpha.pbkdf2('pw', 'salt', 1, 32, 'sha512', (err, key) => console.log('alpha: quick key ' + key.length));
// bravo: data
const itemsbravo = [6, 5, 5, 2, 8];
const doubledbravo = itemsbravo.map((x) => x * 2);
itemsbravo.push(10);
const firstbravo = itemsbravo.shift();
console.log('bravo:', doubledbravo, 'first', firstbravo, 'sum', itemsbravo.reduce((a, b) => a + b, 0));
const userbravo = { name: 'bravo', tags: ['a', 'b'], active: true };
console.log('bravo:', userbravo, Object.keys(userbravo).length);
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
// delta: strings
const sdelta = 'Promise Jobs';
setTimeout(() => {
  console.log(`delta: ${sdelta.toLowerCase()} / ${sdelta.length} / ${sdelta.split(' ').reverse().join(' ')}`);
  console.log('delta: ' + sdelta.slice(0, 5).padEnd(8, '.') + '|' + sdelta.replace(' ', '_'));
}, 5);
// zulu: crash
setTimeout(() => { console.log('zulu: rejecting'); Promise.reject(new Error('zulu unhandled')); }, 250);
setTimeout(() => console.log('zulu: never printed'), 400);
console.log('end of script');
