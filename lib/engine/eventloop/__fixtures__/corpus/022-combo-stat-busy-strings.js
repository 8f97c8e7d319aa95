// Generated puzzle 22: stat + busy + strings.
// alpha: stat
const fsSalpha = require('fs');
fsSalpha.writeFileSync('alpha.dat', '12345'.repeat(43));
fsSalpha.stat('alpha.dat', (err, st) => {
  console.log(`alpha: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsSalpha.unlinkSync('alpha.dat');
});
// bravo: busy
setTimeout(() => {
  const tbravo = Date.now();
  while (Date.now() - tbravo < 30) {}
  console.log('bravo: busy 30 ms done');
}, 1);
setTimeout(() => console.log('bravo: short timer waited for the busy one'), 5);
// charlie: strings
const scharlie = 'Promise Jobs';
setTimeout(() => {
  console.log(`charlie: ${scharlie.toLowerCase()} / ${scharlie.length} / ${scharlie.split(' ').reverse().join(' ')}`);
  console.log('charlie: ' + scharlie.slice(0, 5).padEnd(8, '.') + '|' + scharlie.replace(' ', '_'));
}, 2);
console.log('end of script');
