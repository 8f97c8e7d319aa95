// Generated puzzle 28: busy + race + stat + strings.
// alpha: busy
setTimeout(() => {
  const talpha = Date.now();
  while (Date.now() - talpha < 50) {}
  console.log('alpha: busy 50 ms done');
}, 1);
setTimeout(() => console.log('alpha: short timer waited for the busy one'), 5);
// bravo: race
const delaybravo = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delaybravo(10, 'A'), delaybravo(120, 'B')]).then((w) => console.log('bravo: winner ' + w));
// charlie: stat
const fsScharlie = require('fs');
fsScharlie.writeFileSync('charlie.dat', 'hello'.repeat(8));
fsScharlie.stat('charlie.dat', (err, st) => {
  console.log(`charlie: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsScharlie.unlinkSync('charlie.dat');
});
// delta: strings
const sdelta = 'Promise Jobs';
setTimeout(() => {
  console.log(`delta: ${sdelta.toLowerCase()} / ${sdelta.length} / ${sdelta.split(' ').reverse().join(' ')}`);
  console.log('delta: ' + sdelta.slice(0, 5).padEnd(8, '.') + '|' + sdelta.replace(' ', '_'));
}, 5);
console.log('end of script');
