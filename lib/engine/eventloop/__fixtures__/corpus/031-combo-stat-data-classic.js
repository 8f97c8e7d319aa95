// Generated puzzle 31: stat + data + classic.
// alpha: stat
const fsSalpha = require('fs');
fsSalpha.writeFileSync('alpha.dat', '12345'.repeat(18));
fsSalpha.stat('alpha.dat', (err, st) => {
  console.log(`alpha: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsSalpha.unlinkSync('alpha.dat');
});
// bravo: data
const itemsbravo = [7, 8, 6, 1];
const doubledbravo = itemsbravo.map((x) => x * 2);
itemsbravo.push(10);
const firstbravo = itemsbravo.shift();
console.log('bravo:', doubledbravo, 'first', firstbravo, 'sum', itemsbravo.reduce((a, b) => a + b, 0));
const userbravo = { name: 'bravo', tags: ['a', 'b'], active: true };
console.log('bravo:', userbravo, Object.keys(userbravo).length);
// charlie: classic
console.log('charlie: sync');
setTimeout(() => console.log('charlie: timeout 1'), 1);
setImmediate(() => console.log('charlie: immediate'));
Promise.resolve('charlie').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('charlie: nextTick'));
console.log('end of script');
