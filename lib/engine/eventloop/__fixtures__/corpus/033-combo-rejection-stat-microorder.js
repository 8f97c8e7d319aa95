// Generated puzzle 33: rejection + stat + microorder.
// alpha: rejection
new Promise((resolve, reject) => setTimeout(() => reject(new Error('alpha failed')), 15))
  .then(() => console.log('alpha: never'))
  .catch((e) => console.log('alpha: handled ' + e.message))
  .finally(() => console.log('alpha: settled'));
// bravo: stat
const fsSbravo = require('fs');
fsSbravo.writeFileSync('bravo.dat', '12345'.repeat(43));
fsSbravo.stat('bravo.dat', (err, st) => {
  console.log(`bravo: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsSbravo.unlinkSync('bravo.dat');
});
// charlie: microorder
queueMicrotask(() => console.log('charlie: qm 1'));
Promise.resolve().then(() => console.log('charlie: then 1')).then(() => console.log('charlie: then 2'));
queueMicrotask(() => console.log('charlie: qm 2'));
(async () => { await undefined; console.log('charlie: await 1'); await undefined; console.log('charlie: await 2'); })();
console.log('end of script');
