// Generated puzzle 75: error + classic + crypto + json.
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
// bravo: classic
console.log('bravo: sync');
setTimeout(() => console.log('bravo: timeout 1'), 1);
setImmediate(() => console.log('bravo: immediate'));
Promise.resolve('bravo').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('bravo: nextTick'));
// charlie: crypto
const cryptocharlie = require('crypto');
cryptocharlie.pbkdf2('pw', 'salt', 150000, 16, 'sha512', (err, key) => console.log('charlie: slow key ' + key.length));
cryptocharlie.pbkdf2('pw', 'salt', 1, 32, 'sha512', (err, key) => console.log('charlie: quick key ' + key.length));
// delta: json
const cfgdelta = { id: 64, mode: 'fast', list: [1, 2] };
const textdelta = JSON.stringify(cfgdelta);
process.nextTick(() => console.log('delta: ' + textdelta + ' ' + textdelta.length));
Promise.resolve(JSON.parse(textdelta)).then((o) => console.log('delta: mode ' + o.mode + ', ' + o.list.length + ' items'));
console.log('end of script');
