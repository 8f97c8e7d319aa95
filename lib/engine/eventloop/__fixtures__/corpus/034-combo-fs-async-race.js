// Generated puzzle 34: fs + async + race.
// alpha: fs
const fsalpha = require('fs');
fsalpha.writeFileSync('alpha.txt', 'apple apple');
fsalpha.readFile('alpha.txt', 'utf8', (err, data) => {
  console.log('alpha: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('alpha: immediate after read'));
  setTimeout(() => console.log('alpha: timeout after read'), 0);
});
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
// charlie: race
const delaycharlie = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delaycharlie(10, 'A'), delaycharlie(120, 'B')]).then((w) => console.log('charlie: winner ' + w));
console.log('end of script');
