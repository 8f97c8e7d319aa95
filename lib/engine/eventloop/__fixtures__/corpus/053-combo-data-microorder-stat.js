// Generated puzzle 53: data + microorder + stat + race.
// alpha: data
const itemsalpha = [6, 2, 9, 3, 8];
const doubledalpha = itemsalpha.map((x) => x * 2);
itemsalpha.push(10);
const firstalpha = itemsalpha.shift();
console.log('alpha:', doubledalpha, 'first', firstalpha, 'sum', itemsalpha.reduce((a, b) => a + b, 0));
const useralpha = { name: 'alpha', tags: ['a', 'b'], active: true };
console.log('alpha:', useralpha, Object.keys(useralpha).length);
// bravo: microorder
queueMicrotask(() => console.log('bravo: qm 1'));
Promise.resolve().then(() => console.log('bravo: then 1')).then(() => console.log('bravo: then 2'));
queueMicrotask(() => console.log('bravo: qm 2'));
(async () => { await undefined; console.log('bravo: await 1'); await undefined; console.log('bravo: await 2'); })();
// charlie: stat
const fsScharlie = require('fs');
fsScharlie.writeFileSync('charlie.dat', 'hello'.repeat(13));
fsScharlie.stat('charlie.dat', (err, st) => {
  console.log(`charlie: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsScharlie.unlinkSync('charlie.dat');
});
// delta: race
const delaydelta = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delaydelta(10, 'A'), delaydelta(120, 'B')]).then((w) => console.log('delta: winner ' + w));
console.log('end of script');
