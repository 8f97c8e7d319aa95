// Generated puzzle 102: busy + interval + race + crypto.
// alpha: busy
setTimeout(() => {
  const talpha = Date.now();
  while (Date.now() - talpha < 30) {}
  console.log('alpha: busy 30 ms done');
}, 1);
setTimeout(() => console.log('alpha: short timer waited for the busy one'), 5);
// bravo: interval
let nbravo = 0;
const ivbravo = setInterval(() => {
  nbravo++;
  console.log(`bravo: interval ${nbravo}`);
  if (nbravo >= 3) {
    clearInterval(ivbravo);
    process.nextTick(() => console.log('bravo: interval cleared'));
  }
}, 40);
// charlie: race
const delaycharlie = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delaycharlie(120, 'A'), delaycharlie(10, 'B')]).then((w) => console.log('charlie: winner ' + w));
// delta: crypto
const cryptodelta = require('crypto');
cryptodelta.pbkdf2('pw', 'salt', 200000, 64, 'sha512', (err, key) => console.log('delta: slow key ' + key.length));
cryptodelta.pbkdf2('pw', 'salt', 1, 128, 'sha512', (err, key) => console.log('delta: quick key ' + key.length));
console.log('end of script');
