// Generated puzzle 27: crypto + async + json + crash.
// alpha: crypto
const cryptoalpha = require('crypto');
cryptoalpha.pbkdf2('pw', 'salt', 150000, 64, 'sha512', (err, key) => console.log('alpha: slow key ' + key.length));
cryptoalpha.pbkdf2('pw', 'salt', 1, 128, 'sha512', (err, key) => console.log('alpha: quick key ' + key.length));
// bravo: async
async function stepbravo(i) {
  console.log('bravo: step ' + i + ' begins');
  await null;
  console.log('bravo: step ' + i + ' resumes');
  return i * 2;
}
(async () => {
  let totalbravo = 0;
  for (let i = 1; i <= 3; i++) totalbravo += await stepbravo(i);
  console.log('bravo: total ' + totalbravo);
})();
// charlie: json
const cfgcharlie = { id: 82, mode: 'fast', list: [1, 2] };
const textcharlie = JSON.stringify(cfgcharlie);
process.nextTick(() => console.log('charlie: ' + textcharlie + ' ' + textcharlie.length));
Promise.resolve(JSON.parse(textcharlie)).then((o) => console.log('charlie: mode ' + o.mode + ', ' + o.list.length + ' items'));
// zulu: crash
setTimeout(() => { process.nextTick(() => { console.log('zulu: tick throws'); null.boom; }); }, 250);
setTimeout(() => console.log('zulu: never printed'), 400);
console.log('end of script');
