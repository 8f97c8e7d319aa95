// Generated puzzle 84: stat + microorder + strings.
// alpha: stat
const fsSalpha = require('fs');
fsSalpha.writeFileSync('alpha.dat', '12345'.repeat(44));
fsSalpha.stat('alpha.dat', (err, st) => {
  console.log(`alpha: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsSalpha.unlinkSync('alpha.dat');
});
// bravo: microorder
queueMicrotask(() => console.log('bravo: qm 1'));
Promise.resolve().then(() => console.log('bravo: then 1')).then(() => console.log('bravo: then 2'));
queueMicrotask(() => console.log('bravo: qm 2'));
(async () => { await undefined; console.log('bravo: await 1'); await undefined; console.log('bravo: await 2'); })();
// charlie: strings
const scharlie = 'Event Loop';
setTimeout(() => {
  console.log(`charlie: ${scharlie.toLowerCase()} / ${scharlie.length} / ${scharlie.split(' ').reverse().join(' ')}`);
  console.log('charlie: ' + scharlie.slice(0, 5).padEnd(8, '.') + '|' + scharlie.replace(' ', '_'));
}, 1);
console.log('end of script');
