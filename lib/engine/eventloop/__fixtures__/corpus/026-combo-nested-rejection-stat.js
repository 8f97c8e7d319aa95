// Generated puzzle 26: nested + rejection + stat.
// alpha: nested
setTimeout(() => {
  console.log('alpha: outer timeout');
  setImmediate(() => console.log('alpha: inner immediate'));
  setTimeout(() => console.log('alpha: inner timeout'), 0);
  process.nextTick(() => console.log('alpha: inner tick'));
}, 10);
// bravo: rejection
new Promise((resolve, reject) => setTimeout(() => reject(new Error('bravo failed')), 15))
  .then(() => console.log('bravo: never'))
  .catch((e) => console.log('bravo: handled ' + e.message))
  .finally(() => console.log('bravo: settled'));
// charlie: stat
const fsScharlie = require('fs');
fsScharlie.writeFileSync('charlie.dat', 'some text here'.repeat(29));
fsScharlie.stat('charlie.dat', (err, st) => {
  console.log(`charlie: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsScharlie.unlinkSync('charlie.dat');
});
console.log('end of script');
