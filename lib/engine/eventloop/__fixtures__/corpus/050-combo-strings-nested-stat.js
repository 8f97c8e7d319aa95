// Generated puzzle 50: strings + nested + stat + busy.
// alpha: strings
const salpha = 'libuv threadpool';
setTimeout(() => {
  console.log(`alpha: ${salpha.toLowerCase()} / ${salpha.length} / ${salpha.split(' ').reverse().join(' ')}`);
  console.log('alpha: ' + salpha.slice(0, 5).padEnd(8, '.') + '|' + salpha.replace(' ', '_'));
}, 1);
// bravo: nested
setTimeout(() => {
  console.log('bravo: outer timeout');
  setImmediate(() => console.log('bravo: inner immediate'));
  setTimeout(() => console.log('bravo: inner timeout'), 0);
  process.nextTick(() => console.log('bravo: inner tick'));
}, 20);
// charlie: stat
const fsScharlie = require('fs');
fsScharlie.writeFileSync('charlie.dat', 'some text here'.repeat(36));
fsScharlie.stat('charlie.dat', (err, st) => {
  console.log(`charlie: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsScharlie.unlinkSync('charlie.dat');
});
// delta: busy
setTimeout(() => {
  const tdelta = Date.now();
  while (Date.now() - tdelta < 50) {}
  console.log('delta: busy 50 ms done');
}, 1);
setTimeout(() => console.log('delta: short timer waited for the busy one'), 5);
console.log('end of script');
