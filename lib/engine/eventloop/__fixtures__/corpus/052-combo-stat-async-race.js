// Generated puzzle 52: stat + async + race.
// alpha: stat
const fsSalpha = require('fs');
fsSalpha.writeFileSync('alpha.dat', 'some text here'.repeat(14));
fsSalpha.stat('alpha.dat', (err, st) => {
  console.log(`alpha: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsSalpha.unlinkSync('alpha.dat');
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
Promise.race([delaycharlie(10, 'A'), delaycharlie(60, 'B')]).then((w) => console.log('charlie: winner ' + w));
console.log('end of script');
