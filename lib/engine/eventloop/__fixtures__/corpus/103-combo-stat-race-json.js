// Generated puzzle 103: stat + race + json + nested.
// alpha: stat
const fsSalpha = require('fs');
fsSalpha.writeFileSync('alpha.dat', 'hello'.repeat(11));
fsSalpha.stat('alpha.dat', (err, st) => {
  console.log(`alpha: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsSalpha.unlinkSync('alpha.dat');
});
// bravo: race
const delaybravo = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delaybravo(10, 'A'), delaybravo(60, 'B')]).then((w) => console.log('bravo: winner ' + w));
// charlie: json
const cfgcharlie = { id: 65, mode: 'safe', list: [1, 2] };
const textcharlie = JSON.stringify(cfgcharlie);
process.nextTick(() => console.log('charlie: ' + textcharlie + ' ' + textcharlie.length));
Promise.resolve(JSON.parse(textcharlie)).then((o) => console.log('charlie: mode ' + o.mode + ', ' + o.list.length + ' items'));
// delta: nested
setTimeout(() => {
  console.log('delta: outer timeout');
  setImmediate(() => console.log('delta: inner immediate'));
  setTimeout(() => console.log('delta: inner timeout'), 0);
  process.nextTick(() => console.log('delta: inner tick'));
}, 20);
console.log('end of script');
