// Generated puzzle 59: busy + fs + async.
// alpha: busy
setTimeout(() => {
  const talpha = Date.now();
  while (Date.now() - talpha < 50) {}
  console.log('alpha: busy 50 ms done');
}, 1);
setTimeout(() => console.log('alpha: short timer waited for the busy one'), 5);
// bravo: fs
const fsbravo = require('fs');
fsbravo.writeFileSync('bravo.txt', 'cherry');
fsbravo.readFile('bravo.txt', 'utf8', (err, data) => {
  console.log('bravo: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('bravo: immediate after read'));
  setTimeout(() => console.log('bravo: timeout after read'), 0);
});
// charlie: async
async function stepcharlie(i) {
  console.log('charlie: step ' + i + ' begins');
  await null;
  console.log('charlie: step ' + i + ' resumes');
  return i * 2;
}
(async () => {
  let totalcharlie = 0;
  for (let i = 1; i <= 2; i++) totalcharlie += await stepcharlie(i);
  console.log('charlie: total ' + totalcharlie);
})();
console.log('end of script');
