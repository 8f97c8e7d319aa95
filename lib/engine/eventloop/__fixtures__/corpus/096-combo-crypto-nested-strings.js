// Generated puzzle 96: crypto + nested + strings + async.
// alpha: crypto
const cryptoalpha = require('crypto');
cryptoalpha.pbkdf2('pw', 'salt', 150000, 32, 'sha512', (err, key) => console.log('alpha: slow key ' + key.length));
cryptoalpha.pbkdf2('pw', 'salt', 1, 64, 'sha512', (err, key) => console.log('alpha: quick key ' + key.length));
// bravo: nested
setTimeout(() => {
  console.log('bravo: outer timeout');
  setImmediate(() => console.log('bravo: inner immediate'));
  setTimeout(() => console.log('bravo: inner timeout'), 0);
  process.nextTick(() => console.log('bravo: inner tick'));
}, 10);
// charlie: strings
const scharlie = 'libuv threadpool';
setTimeout(() => {
  console.log(`charlie: ${scharlie.toLowerCase()} / ${scharlie.length} / ${scharlie.split(' ').reverse().join(' ')}`);
  console.log('charlie: ' + scharlie.slice(0, 5).padEnd(8, '.') + '|' + scharlie.replace(' ', '_'));
}, 5);
// delta: async
async function stepdelta(i) {
  console.log('delta: step ' + i + ' begins');
  await null;
  console.log('delta: step ' + i + ' resumes');
  return i * 2;
}
(async () => {
  let totaldelta = 0;
  for (let i = 1; i <= 2; i++) totaldelta += await stepdelta(i);
  console.log('delta: total ' + totaldelta);
})();
console.log('end of script');
