// Generated puzzle 51: stat + race + async.
// alpha: stat
const fsSalpha = require('fs');
fsSalpha.writeFileSync('alpha.dat', 'some text here'.repeat(29));
fsSalpha.stat('alpha.dat', (err, st) => {
  console.log(`alpha: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsSalpha.unlinkSync('alpha.dat');
});
// bravo: race
const delaybravo = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delaybravo(10, 'A'), delaybravo(120, 'B')]).then((w) => console.log('bravo: winner ' + w));
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
