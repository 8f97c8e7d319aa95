// Generated puzzle 91: race + stat + classic + json.
// alpha: race
const delayalpha = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delayalpha(120, 'A'), delayalpha(10, 'B')]).then((w) => console.log('alpha: winner ' + w));
// bravo: stat
const fsSbravo = require('fs');
fsSbravo.writeFileSync('bravo.dat', 'some text here'.repeat(35));
fsSbravo.stat('bravo.dat', (err, st) => {
  console.log(`bravo: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsSbravo.unlinkSync('bravo.dat');
});
// charlie: classic
console.log('charlie: sync');
setTimeout(() => console.log('charlie: timeout 0'), 0);
setImmediate(() => console.log('charlie: immediate'));
Promise.resolve('charlie').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('charlie: nextTick'));
// delta: json
const cfgdelta = { id: 66, mode: 'safe', list: [1, 2] };
const textdelta = JSON.stringify(cfgdelta);
process.nextTick(() => console.log('delta: ' + textdelta + ' ' + textdelta.length));
Promise.resolve(JSON.parse(textdelta)).then((o) => console.log('delta: mode ' + o.mode + ', ' + o.list.length + ' items'));
console.log('end of script');
