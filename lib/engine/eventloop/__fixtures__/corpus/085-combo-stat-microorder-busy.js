// Generated puzzle 85: stat + microorder + busy + async.
// alpha: stat
const fsSalpha = require('fs');
fsSalpha.writeFileSync('alpha.dat', 'hello'.repeat(1));
fsSalpha.stat('alpha.dat', (err, st) => {
  console.log(`alpha: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsSalpha.unlinkSync('alpha.dat');
});
// bravo: microorder
queueMicrotask(() => console.log('bravo: qm 1'));
Promise.resolve().then(() => console.log('bravo: then 1')).then(() => console.log('bravo: then 2'));
queueMicrotask(() => console.log('bravo: qm 2'));
(async () => { await undefined; console.log('bravo: await 1'); await undefined; console.log('bravo: await 2'); })();
// charlie: busy
setTimeout(() => {
  const tcharlie = Date.now();
  while (Date.now() - tcharlie < 50) {}
  console.log('charlie: busy 50 ms done');
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
  for (let i = 1; i <= 3; i++) totaldelta += await stepdelta(i);
  console.log('delta: total ' + totaldelta);
})();
console.log('end of script');
