// Generated puzzle 83: stat + rejection + nested.
// alpha: stat
const fsSalpha = require('fs');
fsSalpha.writeFileSync('alpha.dat', 'hello'.repeat(14));
fsSalpha.stat('alpha.dat', (err, st) => {
  console.log(`alpha: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsSalpha.unlinkSync('alpha.dat');
});
// bravo: rejection
new Promise((resolve, reject) => setTimeout(() => reject(new Error('bravo failed')), 15))
  .then(() => console.log('bravo: never'))
  .catch((e) => console.log('bravo: handled ' + e.message))
  .finally(() => console.log('bravo: settled'));
// charlie: nested
setTimeout(() => {
  console.log('charlie: outer timeout');
  setImmediate(() => console.log('charlie: inner immediate'));
  setTimeout(() => console.log('charlie: inner timeout'), 0);
  process.nextTick(() => console.log('charlie: inner tick'));
}, 20);
console.log('end of script');
