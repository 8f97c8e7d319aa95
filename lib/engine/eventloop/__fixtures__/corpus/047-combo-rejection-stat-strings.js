// Generated puzzle 47: rejection + stat + strings.
// alpha: rejection
new Promise((resolve, reject) => setTimeout(() => reject(new Error('alpha failed')), 10))
  .then(() => console.log('alpha: never'))
  .catch((e) => console.log('alpha: handled ' + e.message))
  .finally(() => console.log('alpha: settled'));
// bravo: stat
const fsSbravo = require('fs');
fsSbravo.writeFileSync('bravo.dat', 'hello'.repeat(24));
fsSbravo.stat('bravo.dat', (err, st) => {
  console.log(`bravo: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsSbravo.unlinkSync('bravo.dat');
});
// charlie: strings
const scharlie = 'Promise Jobs';
setTimeout(() => {
  console.log(`charlie: ${scharlie.toLowerCase()} / ${scharlie.length} / ${scharlie.split(' ').reverse().join(' ')}`);
  console.log('charlie: ' + scharlie.slice(0, 5).padEnd(8, '.') + '|' + scharlie.replace(' ', '_'));
}, 1);
console.log('end of script');
