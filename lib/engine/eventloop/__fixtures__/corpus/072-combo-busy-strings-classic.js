// Generated puzzle 72: busy + strings + classic + crypto + crash.
// alpha: busy
setTimeout(() => {
  const talpha = Date.now();
  while (Date.now() - talpha < 30) {}
  console.log('alpha: busy 30 ms done');
}, 1);
setTimeout(() => console.log('alpha: short timer waited for the busy one'), 5);
// bravo: strings
const sbravo = 'libuv threadpool';
setTimeout(() => {
  console.log(`bravo: ${sbravo.toLowerCase()} / ${sbravo.length} / ${sbravo.split(' ').reverse().join(' ')}`);
  console.log('bravo: ' + sbravo.slice(0, 5).padEnd(8, '.') + '|' + sbravo.replace(' ', '_'));
}, 1);
// charlie: classic
console.log('charlie: sync');
setTimeout(() => console.log('charlie: timeout 0'), 0);
setImmediate(() => console.log('charlie: immediate'));
Promise.resolve('charlie').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('charlie: nextTick'));
// delta: crypto
const cryptodelta = require('crypto');
cryptodelta.pbkdf2('pw', 'salt', 200000, 64, 'sha512', (err, key) => console.log('delta: slow key ' + key.length));
cryptodelta.pbkdf2('pw', 'salt', 1, 128, 'sha512', (err, key) => console.log('delta: quick key ' + key.length));
// zulu: crash
setTimeout(() => { process.nextTick(() => { console.log('zulu: tick throws'); null.boom; }); }, 250);
setTimeout(() => console.log('zulu: never printed'), 400);
console.log('end of script');
