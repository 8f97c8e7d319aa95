// Generated puzzle 61: strings + interval + stat + data.
// alpha: strings
const salpha = 'Event Loop';
setTimeout(() => {
  console.log(`alpha: ${salpha.toLowerCase()} / ${salpha.length} / ${salpha.split(' ').reverse().join(' ')}`);
  console.log('alpha: ' + salpha.slice(0, 5).padEnd(8, '.') + '|' + salpha.replace(' ', '_'));
}, 2);
// bravo: interval
let nbravo = 0;
const ivbravo = setInterval(() => {
  nbravo++;
  console.log(`bravo: interval ${nbravo}`);
  if (nbravo >= 3) {
    clearInterval(ivbravo);
    process.nextTick(() => console.log('bravo: interval cleared'));
  }
}, 30);
// charlie: stat
const fsScharlie = require('fs');
fsScharlie.writeFileSync('charlie.dat', 'some text here'.repeat(20));
fsScharlie.stat('charlie.dat', (err, st) => {
  console.log(`charlie: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsScharlie.unlinkSync('charlie.dat');
});
// delta: data
const itemsdelta = [5, 6, 8, 6, 2];
const doubleddelta = itemsdelta.map((x) => x * 2);
itemsdelta.push(10);
const firstdelta = itemsdelta.shift();
console.log('delta:', doubleddelta, 'first', firstdelta, 'sum', itemsdelta.reduce((a, b) => a + b, 0));
const userdelta = { name: 'delta', tags: ['a', 'b'], active: true };
console.log('delta:', userdelta, Object.keys(userdelta).length);
console.log('end of script');
