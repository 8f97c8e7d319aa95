// Generated puzzle 78: interval + nested + stat.
// alpha: interval
let nalpha = 0;
const ivalpha = setInterval(() => {
  nalpha++;
  console.log(`alpha: interval ${nalpha}`);
  if (nalpha >= 2) {
    clearInterval(ivalpha);
    process.nextTick(() => console.log('alpha: interval cleared'));
  }
}, 30);
// bravo: nested
setTimeout(() => {
  console.log('bravo: outer timeout');
  setImmediate(() => console.log('bravo: inner immediate'));
  setTimeout(() => console.log('bravo: inner timeout'), 0);
  process.nextTick(() => console.log('bravo: inner tick'));
}, 20);
// charlie: stat
const fsScharlie = require('fs');
fsScharlie.writeFileSync('charlie.dat', '12345'.repeat(5));
fsScharlie.stat('charlie.dat', (err, st) => {
  console.log(`charlie: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsScharlie.unlinkSync('charlie.dat');
});
console.log('end of script');
