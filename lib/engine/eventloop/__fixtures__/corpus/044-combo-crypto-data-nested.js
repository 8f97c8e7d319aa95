// Generated puzzle 44: crypto + data + nested.
// alpha: crypto
const cryptoalpha = require('crypto');
cryptoalpha.pbkdf2('pw', 'salt', 150000, 64, 'sha512', (err, key) => console.log('alpha: slow key ' + key.length));
cryptoalpha.pbkdf2('pw', 'salt', 1, 128, 'sha512', (err, key) => console.log('alpha: quick key ' + key.length));
// bravo: data
const itemsbravo = [3, 9, 4];
const doubledbravo = itemsbravo.map((x) => x * 2);
itemsbravo.push(10);
const firstbravo = itemsbravo.shift();
console.log('bravo:', doubledbravo, 'first', firstbravo, 'sum', itemsbravo.reduce((a, b) => a + b, 0));
const userbravo = { name: 'bravo', tags: ['a', 'b'], active: true };
console.log('bravo:', userbravo, Object.keys(userbravo).length);
// charlie: nested
setTimeout(() => {
  console.log('charlie: outer timeout');
  setImmediate(() => console.log('charlie: inner immediate'));
  setTimeout(() => console.log('charlie: inner timeout'), 0);
  process.nextTick(() => console.log('charlie: inner tick'));
}, 20);
console.log('end of script');
