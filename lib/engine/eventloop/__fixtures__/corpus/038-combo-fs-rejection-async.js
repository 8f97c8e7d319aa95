// Generated puzzle 38: fs + rejection + async.
// alpha: fs
const fsalpha = require('fs');
fsalpha.writeFileSync('alpha.txt', 'dates');
fsalpha.readFile('alpha.txt', 'utf8', (err, data) => {
  console.log('alpha: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('alpha: immediate after read'));
  setTimeout(() => console.log('alpha: timeout after read'), 0);
});
// bravo: rejection
new Promise((resolve, reject) => setTimeout(() => reject(new Error('bravo failed')), 10))
  .then(() => console.log('bravo: never'))
  .catch((e) => console.log('bravo: handled ' + e.message))
  .finally(() => console.log('bravo: settled'));
// charlie: async
async function stepcharlie(i) {
  console.log('charlie: step ' + i + ' begins');
  await null;
  console.log('charlie: step ' + i + ' resumes');
  return i * 2;
}
(async () => {
  let totalcharlie = 0;
  for (let i = 1; i <= 3; i++) totalcharlie += await stepcharlie(i);
  console.log('charlie: total ' + totalcharlie);
})();
console.log('end of script');
