// Generated puzzle 64: classic + busy + stat.
// alpha: classic
console.log('alpha: sync');
setTimeout(() => console.log('alpha: timeout 1'), 1);
setImmediate(() => console.log('alpha: immediate'));
Promise.resolve('alpha').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('alpha: nextTick'));
// bravo: busy
setTimeout(() => {
  const tbravo = Date.now();
  while (Date.now() - tbravo < 30) {}
  console.log('bravo: busy 30 ms done');
}, 1);
setTimeout(() => console.log('bravo: short timer waited for the busy one'), 5);
// charlie: stat
const fsScharlie = require('fs');
fsScharlie.writeFileSync('charlie.dat', 'hello'.repeat(9));
fsScharlie.stat('charlie.dat', (err, st) => {
  console.log(`charlie: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsScharlie.unlinkSync('charlie.dat');
});
console.log('end of script');
