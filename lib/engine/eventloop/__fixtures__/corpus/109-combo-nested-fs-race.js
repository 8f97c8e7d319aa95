// Generated puzzle 109: nested + fs + race + async.
// alpha: nested
setTimeout(() => {
  console.log('alpha: outer timeout');
  setImmediate(() => console.log('alpha: inner immediate'));
  setTimeout(() => console.log('alpha: inner timeout'), 0);
  process.nextTick(() => console.log('alpha: inner tick'));
}, 10);
// bravo: fs
const fsbravo = require('fs');
fsbravo.writeFileSync('bravo.txt', 'cherry cherry');
fsbravo.readFile('bravo.txt', 'utf8', (err, data) => {
  console.log('bravo: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('bravo: immediate after read'));
  setTimeout(() => console.log('bravo: timeout after read'), 0);
});
// charlie: race
const delaycharlie = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delaycharlie(10, 'A'), delaycharlie(120, 'B')]).then((w) => console.log('charlie: winner ' + w));
// delta: async
async function stepdelta(i) {
  console.log('delta: step ' + i + ' begins');
  await null;
  console.log('delta: step ' + i + ' resumes');
  return i * 2;
}
(async () => {
  let totaldelta = 0;
  for (let i = 1; i <= 3; i++) totaldelta += await stepdelta(i);
  console.log('delta: total ' + totaldelta);
})();
console.log('end of script');
