// Generated puzzle 65: error + crypto + data.
// alpha: error
function checkalpha(v) {
  if (v > 2) throw new Error('not found #' + v);
  return v;
}
try {
  checkalpha(1);
  checkalpha(5);
  console.log('alpha: not reached');
} catch (e) {
  console.log('alpha: caught ' + e.message + ' (' + e.name + ')');
} finally {
  console.log('alpha: cleanup');
}
// bravo: crypto
const cryptobravo = require('crypto');
cryptobravo.pbkdf2('pw', 'salt', 300000, 16, 'sha512', (err, key) => console.log('bravo: slow key ' + key.length));
cryptobravo.pbkdf2('pw', 'salt', 1, 32, 'sha512', (err, key) => console.log('bravo: quick key ' + key.length));
// charlie: data
const itemscharlie = [3, 3, 6, 5];
const doubledcharlie = itemscharlie.map((x) => x * 2);
itemscharlie.push(10);
const firstcharlie = itemscharlie.shift();
console.log('charlie:', doubledcharlie, 'first', firstcharlie, 'sum', itemscharlie.reduce((a, b) => a + b, 0));
const usercharlie = { name: 'charlie', tags: ['a', 'b'], active: true };
console.log('charlie:', usercharlie, Object.keys(usercharlie).length);
console.log('end of script');
