// Generated puzzle 88: data + strings + stat + interval.
// alpha: data
const itemsalpha = [9, 5, 2, 6];
const doubledalpha = itemsalpha.map((x) => x * 2);
itemsalpha.push(10);
const firstalpha = itemsalpha.shift();
console.log('alpha:', doubledalpha, 'first', firstalpha, 'sum', itemsalpha.reduce((a, b) => a + b, 0));
const useralpha = { name: 'alpha', tags: ['a', 'b'], active: true };
console.log('alpha:', useralpha, Object.keys(useralpha).length);
// bravo: strings
const sbravo = 'Event Loop';
setTimeout(() => {
  console.log(`bravo: ${sbravo.toLowerCase()} / ${sbravo.length} / ${sbravo.split(' ').reverse().join(' ')}`);
  console.log('bravo: ' + sbravo.slice(0, 5).padEnd(8, '.') + '|' + sbravo.replace(' ', '_'));
}, 5);
// charlie: stat
const fsScharlie = require('fs');
fsScharlie.writeFileSync('charlie.dat', 'hello'.repeat(5));
fsScharlie.stat('charlie.dat', (err, st) => {
  console.log(`charlie: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsScharlie.unlinkSync('charlie.dat');
});
// delta: interval
let ndelta = 0;
const ivdelta = setInterval(() => {
  ndelta++;
  console.log(`delta: interval ${ndelta}`);
  if (ndelta >= 2) {
    clearInterval(ivdelta);
    process.nextTick(() => console.log('delta: interval cleared'));
  }
}, 30);
console.log('end of script');
