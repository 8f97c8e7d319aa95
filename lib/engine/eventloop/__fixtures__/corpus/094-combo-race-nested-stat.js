// Generated puzzle 94: race + nested + stat + classic.
// alpha: race
const delayalpha = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delayalpha(10, 'A'), delayalpha(60, 'B')]).then((w) => console.log('alpha: winner ' + w));
// bravo: nested
setTimeout(() => {
  console.log('bravo: outer timeout');
  setImmediate(() => console.log('bravo: inner immediate'));
  setTimeout(() => console.log('bravo: inner timeout'), 0);
  process.nextTick(() => console.log('bravo: inner tick'));
}, 20);
// charlie: stat
const fsScharlie = require('fs');
fsScharlie.writeFileSync('charlie.dat', '12345'.repeat(19));
fsScharlie.stat('charlie.dat', (err, st) => {
  console.log(`charlie: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsScharlie.unlinkSync('charlie.dat');
});
// delta: classic
console.log('delta: sync');
setTimeout(() => console.log('delta: timeout 0'), 0);
setImmediate(() => console.log('delta: immediate'));
Promise.resolve('delta').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('delta: nextTick'));
console.log('end of script');
