// Generated puzzle 99: error + race + crypto + json + crash.
// alpha: error
function checkalpha(v) {
  if (v > 2) throw new Error('disk full #' + v);
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
// bravo: race
const delaybravo = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delaybravo(10, 'A'), delaybravo(120, 'B')]).then((w) => console.log('bravo: winner ' + w));
// charlie: crypto
const cryptocharlie = require('crypto');
cryptocharlie.pbkdf2('pw', 'salt', 200000, 32, 'sha512', (err, key) => console.log('charlie: slow key ' + key.length));
cryptocharlie.pbkdf2('pw', 'salt', 1, 64, 'sha512', (err, key) => console.log('charlie: quick key ' + key.length));
// delta: json
const cfgdelta = { id: 56, mode: 'safe', list: [1, 2] };
const textdelta = JSON.stringify(cfgdelta);
process.nextTick(() => console.log('delta: ' + textdelta + ' ' + textdelta.length));
Promise.resolve(JSON.parse(textdelta)).then((o) => console.log('delta: mode ' + o.mode + ', ' + o.list.length + ' items'));
// zulu: crash
setTimeout(() => { console.log('zulu: about to crash'); throw new Error('zulu crash'); }, 250);
setTimeout(() => console.log('zulu: never printed'), 400);
console.log('end of script');
