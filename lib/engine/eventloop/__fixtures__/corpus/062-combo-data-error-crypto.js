// Generated puzzle 62: data + error + crypto.
// alpha: data
const itemsalpha = [1, 9, 8, 2, 1];
const doubledalpha = itemsalpha.map((x) => x * 2);
itemsalpha.push(10);
const firstalpha = itemsalpha.shift();
console.log('alpha:', doubledalpha, 'first', firstalpha, 'sum', itemsalpha.reduce((a, b) => a + b, 0));
const useralpha = { name: 'alpha', tags: ['a', 'b'], active: true };
console.log('alpha:', useralpha, Object.keys(useralpha).length);
// bravo: error
function checkbravo(v) {
  if (v > 2) throw new Error('disk full #' + v);
  return v;
}
try {
  checkbravo(1);
  checkbravo(5);
  console.log('bravo: not reached');
} catch (e) {
  console.log('bravo: caught ' + e.message + ' (' + e.name + ')');
} finally {
  console.log('bravo: cleanup');
}
// charlie: crypto
const cryptocharlie = require('crypto');
cryptocharlie.pbkdf2('pw', 'salt', 150000, 32, 'sha512', (err, key) => console.log('charlie: slow key ' + key.length));
cryptocharlie.pbkdf2('pw', 'salt', 1, 64, 'sha512', (err, key) => console.log('charlie: quick key ' + key.length));
console.log('end of script');
