// Generated puzzle 46: nested + stat + busy + async.
// alpha: nested
setTimeout(() => {
  console.log('alpha: outer timeout');
  setImmediate(() => console.log('alpha: inner immediate'));
  setTimeout(() => console.log('alpha: inner timeout'), 0);
  process.nextTick(() => console.log('alpha: inner tick'));
}, 10);
// bravo: stat
const fsSbravo = require('fs');
fsSbravo.writeFileSync('bravo.dat', '12345'.repeat(50));
fsSbravo.stat('bravo.dat', (err, st) => {
  console.log(`bravo: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsSbravo.unlinkSync('bravo.dat');
});
// charlie: busy
setTimeout(() => {
  const tcharlie = Date.now();
  while (Date.now() - tcharlie < 30) {}
  console.log('charlie: busy 30 ms done');
}, 1);
setTimeout(() => console.log('charlie: short timer waited for the busy one'), 5);
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
