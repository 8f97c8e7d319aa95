// Generated puzzle 81: rejection + crypto + allsettled + json + crash.
// alpha: rejection
new Promise((resolve, reject) => setTimeout(() => reject(new Error('alpha failed')), 10))
  .then(() => console.log('alpha: never'))
  .catch((e) => console.log('alpha: handled ' + e.message))
  .finally(() => console.log('alpha: settled'));
// bravo: crypto
const cryptobravo = require('crypto');
cryptobravo.pbkdf2('pw', 'salt', 300000, 32, 'sha512', (err, key) => console.log('bravo: slow key ' + key.length));
cryptobravo.pbkdf2('pw', 'salt', 1, 64, 'sha512', (err, key) => console.log('bravo: quick key ' + key.length));
// charlie: allsettled
const pcharlie = [1, 2, 3].map((i) => (i === 2 ? Promise.reject(new Error('bad ' + i)) : Promise.resolve(i * 10)));
Promise.allSettled(pcharlie).then((res) =>
  console.log('charlie: ' + res.map((x) => (x.status === 'fulfilled' ? x.value : x.reason.message)).join(', ')),
);
// delta: json
const cfgdelta = { id: 45, mode: 'fast', list: [1, 2] };
const textdelta = JSON.stringify(cfgdelta);
process.nextTick(() => console.log('delta: ' + textdelta + ' ' + textdelta.length));
Promise.resolve(JSON.parse(textdelta)).then((o) => console.log('delta: mode ' + o.mode + ', ' + o.list.length + ' items'));
// zulu: crash
setTimeout(() => { console.log('zulu: about to crash'); throw new Error('zulu crash'); }, 250);
setTimeout(() => console.log('zulu: never printed'), 400);
console.log('end of script');
