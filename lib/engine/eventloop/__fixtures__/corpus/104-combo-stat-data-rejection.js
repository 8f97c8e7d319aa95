// Generated puzzle 104: stat + data + rejection + async.
// alpha: stat
const fsSalpha = require('fs');
fsSalpha.writeFileSync('alpha.dat', 'some text here'.repeat(38));
fsSalpha.stat('alpha.dat', (err, st) => {
  console.log(`alpha: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsSalpha.unlinkSync('alpha.dat');
});
// bravo: data
const itemsbravo = [8, 3, 4, 1];
const doubledbravo = itemsbravo.map((x) => x * 2);
itemsbravo.push(10);
const firstbravo = itemsbravo.shift();
console.log('bravo:', doubledbravo, 'first', firstbravo, 'sum', itemsbravo.reduce((a, b) => a + b, 0));
const userbravo = { name: 'bravo', tags: ['a', 'b'], active: true };
console.log('bravo:', userbravo, Object.keys(userbravo).length);
// charlie: rejection
new Promise((resolve, reject) => setTimeout(() => reject(new Error('charlie failed')), 10))
  .then(() => console.log('charlie: never'))
  .catch((e) => console.log('charlie: handled ' + e.message))
  .finally(() => console.log('charlie: settled'));
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
