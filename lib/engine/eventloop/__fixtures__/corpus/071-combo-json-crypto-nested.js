// Generated puzzle 71: json + crypto + nested.
// alpha: json
const cfgalpha = { id: 57, mode: 'fast', list: [1, 2] };
const textalpha = JSON.stringify(cfgalpha);
process.nextTick(() => console.log('alpha: ' + textalpha + ' ' + textalpha.length));
Promise.resolve(JSON.parse(textalpha)).then((o) => console.log('alpha: mode ' + o.mode + ', ' + o.list.length + ' items'));
// bravo: crypto
const cryptobravo = require('crypto');
cryptobravo.pbkdf2('pw', 'salt', 150000, 32, 'sha512', (err, key) => console.log('bravo: slow key ' + key.length));
cryptobravo.pbkdf2('pw', 'salt', 1, 64, 'sha512', (err, key) => console.log('bravo: quick key ' + key.length));
// charlie: nested
setTimeout(() => {
  console.log('charlie: outer timeout');
  setImmediate(() => console.log('charlie: inner immediate'));
  setTimeout(() => console.log('charlie: inner timeout'), 0);
  process.nextTick(() => console.log('charlie: inner tick'));
}, 20);
console.log('end of script');
