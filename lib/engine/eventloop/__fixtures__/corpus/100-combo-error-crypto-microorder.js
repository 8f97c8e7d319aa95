// Generated puzzle 100: error + crypto + microorder.
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
cryptobravo.pbkdf2('pw', 'salt', 150000, 64, 'sha512', (err, key) => console.log('bravo: slow key ' + key.length));
cryptobravo.pbkdf2('pw', 'salt', 1, 128, 'sha512', (err, key) => console.log('bravo: quick key ' + key.length));
// charlie: microorder
queueMicrotask(() => console.log('charlie: qm 1'));
Promise.resolve().then(() => console.log('charlie: then 1')).then(() => console.log('charlie: then 2'));
queueMicrotask(() => console.log('charlie: qm 2'));
(async () => { await undefined; console.log('charlie: await 1'); await undefined; console.log('charlie: await 2'); })();
console.log('end of script');
