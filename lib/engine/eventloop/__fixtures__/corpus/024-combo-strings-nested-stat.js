// Generated puzzle 24: strings + nested + stat.
// alpha: strings
const salpha = 'libuv threadpool';
setTimeout(() => {
  console.log(`alpha: ${salpha.toLowerCase()} / ${salpha.length} / ${salpha.split(' ').reverse().join(' ')}`);
  console.log('alpha: ' + salpha.slice(0, 5).padEnd(8, '.') + '|' + salpha.replace(' ', '_'));
}, 5);
// bravo: nested
setTimeout(() => {
  console.log('bravo: outer timeout');
  setImmediate(() => console.log('bravo: inner immediate'));
  setTimeout(() => console.log('bravo: inner timeout'), 0);
  process.nextTick(() => console.log('bravo: inner tick'));
}, 20);
// charlie: stat
const fsScharlie = require('fs');
fsScharlie.writeFileSync('charlie.dat', '12345'.repeat(46));
fsScharlie.stat('charlie.dat', (err, st) => {
  console.log(`charlie: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsScharlie.unlinkSync('charlie.dat');
});
console.log('end of script');
