// Generated puzzle 68: crypto + nested + error + strings.
// alpha: crypto
const cryptoalpha = require('crypto');
cryptoalpha.pbkdf2('pw', 'salt', 150000, 32, 'sha512', (err, key) => console.log('alpha: slow key ' + key.length));
cryptoalpha.pbkdf2('pw', 'salt', 1, 64, 'sha512', (err, key) => console.log('alpha: quick key ' + key.length));
// bravo: nested
setTimeout(() => {
  console.log('bravo: outer timeout');
  setImmediate(() => console.log('bravo: inner immediate'));
  setTimeout(() => console.log('bravo: inner timeout'), 0);
  process.nextTick(() => console.log('bravo: inner tick'));
}, 20);
// charlie: error
function checkcharlie(v) {
  if (v > 2) throw new Error('bad input #' + v);
  return v;
}
try {
  checkcharlie(1);
  checkcharlie(5);
  console.log('charlie: not reached');
} catch (e) {
  console.log('charlie: caught ' + e.message + ' (' + e.name + ')');
} finally {
  console.log('charlie: cleanup');
}
// delta: strings
const sdelta = 'Event Loop';
setTimeout(() => {
  console.log(`delta: ${sdelta.toLowerCase()} / ${sdelta.length} / ${sdelta.split(' ').reverse().join(' ')}`);
  console.log('delta: ' + sdelta.slice(0, 5).padEnd(8, '.') + '|' + sdelta.replace(' ', '_'));
}, 2);
console.log('end of script');
