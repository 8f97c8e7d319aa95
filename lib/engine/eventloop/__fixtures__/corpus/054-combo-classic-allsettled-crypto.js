// Generated puzzle 54: classic + allsettled + crypto + crash.
// alpha: classic
console.log('alpha: sync');
setTimeout(() => console.log('alpha: timeout 0'), 0);
setImmediate(() => console.log('alpha: immediate'));
Promise.resolve('alpha').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('alpha: nextTick'));
// bravo: allsettled
const pbravo = [1, 2, 3].map((i) => (i === 2 ? Promise.reject(new Error('bad ' + i)) : Promise.resolve(i * 10)));
Promise.allSettled(pbravo).then((res) =>
  console.log('bravo: ' + res.map((x) => (x.status === 'fulfilled' ? x.value : x.reason.message)).join(', ')),
);
// charlie: crypto
const cryptocharlie = require('crypto');
cryptocharlie.pbkdf2('pw', 'salt', 200000, 32, 'sha512', (err, key) => console.log('charlie: slow key ' + key.length));
cryptocharlie.pbkdf2('pw', 'salt', 1, 64, 'sha512', (err, key) => console.log('charlie: quick key ' + key.length));
// zulu: crash
setTimeout(() => { process.nextTick(() => { console.log('zulu: tick throws'); null.boom; }); }, 250);
setTimeout(() => console.log('zulu: never printed'), 400);
console.log('end of script');
