// Generated puzzle 45: microorder + crypto + race + crash.
// alpha: microorder
queueMicrotask(() => console.log('alpha: qm 1'));
Promise.resolve().then(() => console.log('alpha: then 1')).then(() => console.log('alpha: then 2'));
queueMicrotask(() => console.log('alpha: qm 2'));
(async () => { await undefined; console.log('alpha: await 1'); await undefined; console.log('alpha: await 2'); })();
// bravo: crypto
const cryptobravo = require('crypto');
cryptobravo.pbkdf2('pw', 'salt', 200000, 16, 'sha512', (err, key) => console.log('bravo: slow key ' + key.length));
cryptobravo.pbkdf2('pw', 'salt', 1, 32, 'sha512', (err, key) => console.log('bravo: quick key ' + key.length));
// charlie: race
const delaycharlie = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delaycharlie(60, 'A'), delaycharlie(10, 'B')]).then((w) => console.log('charlie: winner ' + w));
// zulu: crash
setTimeout(() => { console.log('zulu: rejecting'); Promise.reject(new Error('zulu unhandled')); }, 250);
setTimeout(() => console.log('zulu: never printed'), 400);
console.log('end of script');
