// Generated puzzle 106: stat + strings + classic + data.
// alpha: stat
const fsSalpha = require('fs');
fsSalpha.writeFileSync('alpha.dat', 'hello'.repeat(8));
fsSalpha.stat('alpha.dat', (err, st) => {
  console.log(`alpha: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsSalpha.unlinkSync('alpha.dat');
});
// bravo: strings
const sbravo = 'Event Loop';
setTimeout(() => {
  console.log(`bravo: ${sbravo.toLowerCase()} / ${sbravo.length} / ${sbravo.split(' ').reverse().join(' ')}`);
  console.log('bravo: ' + sbravo.slice(0, 5).padEnd(8, '.') + '|' + sbravo.replace(' ', '_'));
}, 1);
// charlie: classic
console.log('charlie: sync');
setTimeout(() => console.log('charlie: timeout 1'), 1);
setImmediate(() => console.log('charlie: immediate'));
Promise.resolve('charlie').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('charlie: nextTick'));
// delta: data
const itemsdelta = [2, 4, 9];
const doubleddelta = itemsdelta.map((x) => x * 2);
itemsdelta.push(10);
const firstdelta = itemsdelta.shift();
console.log('delta:', doubleddelta, 'first', firstdelta, 'sum', itemsdelta.reduce((a, b) => a + b, 0));
const userdelta = { name: 'delta', tags: ['a', 'b'], active: true };
console.log('delta:', userdelta, Object.keys(userdelta).length);
console.log('end of script');
