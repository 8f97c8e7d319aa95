// Generated puzzle 73: classic + crypto + data + microorder.
// alpha: classic
console.log('alpha: sync');
setTimeout(() => console.log('alpha: timeout 1'), 1);
setImmediate(() => console.log('alpha: immediate'));
Promise.resolve('alpha').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('alpha: nextTick'));
// bravo: crypto
const cryptobravo = require('crypto');
cryptobravo.pbkdf2('pw', 'salt', 200000, 16, 'sha512', (err, key) => console.log('bravo: slow key ' + key.length));
cryptobravo.pbkdf2('pw', 'salt', 1, 32, 'sha512', (err, key) => console.log('bravo: quick key ' + key.length));
// charlie: data
const itemscharlie = [1, 2, 5];
const doubledcharlie = itemscharlie.map((x) => x * 2);
itemscharlie.push(10);
const firstcharlie = itemscharlie.shift();
console.log('charlie:', doubledcharlie, 'first', firstcharlie, 'sum', itemscharlie.reduce((a, b) => a + b, 0));
const usercharlie = { name: 'charlie', tags: ['a', 'b'], active: true };
console.log('charlie:', usercharlie, Object.keys(usercharlie).length);
// delta: microorder
queueMicrotask(() => console.log('delta: qm 1'));
Promise.resolve().then(() => console.log('delta: then 1')).then(() => console.log('delta: then 2'));
queueMicrotask(() => console.log('delta: qm 2'));
(async () => { await undefined; console.log('delta: await 1'); await undefined; console.log('delta: await 2'); })();
console.log('end of script');
