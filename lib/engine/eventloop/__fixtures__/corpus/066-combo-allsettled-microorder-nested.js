// Generated puzzle 66: allsettled + microorder + nested + crypto.
// alpha: allsettled
const palpha = [1, 2, 3].map((i) => (i === 2 ? Promise.reject(new Error('bad ' + i)) : Promise.resolve(i * 10)));
Promise.allSettled(palpha).then((res) =>
  console.log('alpha: ' + res.map((x) => (x.status === 'fulfilled' ? x.value : x.reason.message)).join(', ')),
);
// bravo: microorder
queueMicrotask(() => console.log('bravo: qm 1'));
Promise.resolve().then(() => console.log('bravo: then 1')).then(() => console.log('bravo: then 2'));
queueMicrotask(() => console.log('bravo: qm 2'));
(async () => { await undefined; console.log('bravo: await 1'); await undefined; console.log('bravo: await 2'); })();
// charlie: nested
setTimeout(() => {
  console.log('charlie: outer timeout');
  setImmediate(() => console.log('charlie: inner immediate'));
  setTimeout(() => console.log('charlie: inner timeout'), 0);
  process.nextTick(() => console.log('charlie: inner tick'));
}, 10);
// delta: crypto
const cryptodelta = require('crypto');
cryptodelta.pbkdf2('pw', 'salt', 150000, 32, 'sha512', (err, key) => console.log('delta: slow key ' + key.length));
cryptodelta.pbkdf2('pw', 'salt', 1, 64, 'sha512', (err, key) => console.log('delta: quick key ' + key.length));
console.log('end of script');
