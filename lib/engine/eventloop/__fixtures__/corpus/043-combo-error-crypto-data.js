// Generated puzzle 43: error + crypto + data + nested.
// alpha: error
function checkalpha(v) {
  if (v > 2) throw new Error('bad input #' + v);
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
const itemscharlie = [4, 8, 5, 5, 2];
const doubledcharlie = itemscharlie.map((x) => x * 2);
itemscharlie.push(10);
const firstcharlie = itemscharlie.shift();
console.log('charlie:', doubledcharlie, 'first', firstcharlie, 'sum', itemscharlie.reduce((a, b) => a + b, 0));
const usercharlie = { name: 'charlie', tags: ['a', 'b'], active: true };
console.log('charlie:', usercharlie, Object.keys(usercharlie).length);
// delta: nested
setTimeout(() => {
  console.log('delta: outer timeout');
  setImmediate(() => console.log('delta: inner immediate'));
  setTimeout(() => console.log('delta: inner timeout'), 0);
  process.nextTick(() => console.log('delta: inner tick'));
}, 20);
console.log('end of script');
