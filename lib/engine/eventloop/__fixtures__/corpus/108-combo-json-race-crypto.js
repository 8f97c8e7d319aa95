// Generated puzzle 108: json + race + crypto + crash.
// alpha: json
const cfgalpha = { id: 59, mode: 'fast', list: [1, 2] };
const textalpha = JSON.stringify(cfgalpha);
process.nextTick(() => console.log('alpha: ' + textalpha + ' ' + textalpha.length));
Promise.resolve(JSON.parse(textalpha)).then((o) => console.log('alpha: mode ' + o.mode + ', ' + o.list.length + ' items'));
// bravo: race
const delaybravo = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delaybravo(60, 'A'), delaybravo(10, 'B')]).then((w) => console.log('bravo: winner ' + w));
// charlie: crypto
const cryptocharlie = require('crypto');
cryptocharlie.pbkdf2('pw', 'salt', 200000, 64, 'sha512', (err, key) => console.log('charlie: slow key ' + key.length));
cryptocharlie.pbkdf2('pw', 'salt', 1, 128, 'sha512', (err, key) => console.log('charlie: quick key ' + key.length));
// zulu: crash
setTimeout(() => { process.nextTick(() => { console.log('zulu: tick throws'); null.boom; }); }, 250);
setTimeout(() => console.log('zulu: never printed'), 400);
console.log('end of script');
