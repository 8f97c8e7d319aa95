// Generated puzzle 97: classic + crypto + strings.
// alpha: classic
console.log('alpha: sync');
setTimeout(() => console.log('alpha: timeout 0'), 0);
setImmediate(() => console.log('alpha: immediate'));
Promise.resolve('alpha').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('alpha: nextTick'));
// bravo: crypto
const cryptobravo = require('crypto');
cryptobravo.pbkdf2('pw', 'salt', 300000, 16, 'sha512', (err, key) => console.log('bravo: slow key ' + key.length));
cryptobravo.pbkdf2('pw', 'salt', 1, 32, 'sha512', (err, key) => console.log('bravo: quick key ' + key.length));
// charlie: strings
const scharlie = 'libuv threadpool';
setTimeout(() => {
  console.log(`charlie: ${scharlie.toLowerCase()} / ${scharlie.length} / ${scharlie.split(' ').reverse().join(' ')}`);
  console.log('charlie: ' + scharlie.slice(0, 5).padEnd(8, '.') + '|' + scharlie.replace(' ', '_'));
}, 5);
console.log('end of script');
