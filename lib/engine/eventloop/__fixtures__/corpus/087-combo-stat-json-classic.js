// Generated puzzle 87: stat + json + classic.
// alpha: stat
const fsSalpha = require('fs');
fsSalpha.writeFileSync('alpha.dat', 'some text here'.repeat(13));
fsSalpha.stat('alpha.dat', (err, st) => {
  console.log(`alpha: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsSalpha.unlinkSync('alpha.dat');
});
// bravo: json
const cfgbravo = { id: 3, mode: 'safe', list: [1, 2] };
const textbravo = JSON.stringify(cfgbravo);
process.nextTick(() => console.log('bravo: ' + textbravo + ' ' + textbravo.length));
Promise.resolve(JSON.parse(textbravo)).then((o) => console.log('bravo: mode ' + o.mode + ', ' + o.list.length + ' items'));
// charlie: classic
console.log('charlie: sync');
setTimeout(() => console.log('charlie: timeout 0'), 0);
setImmediate(() => console.log('charlie: immediate'));
Promise.resolve('charlie').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('charlie: nextTick'));
console.log('end of script');
