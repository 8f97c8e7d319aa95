// Generated puzzle 49: json + classic + stat + error.
// alpha: json
const cfgalpha = { id: 75, mode: 'fast', list: [1, 2] };
const textalpha = JSON.stringify(cfgalpha);
process.nextTick(() => console.log('alpha: ' + textalpha + ' ' + textalpha.length));
Promise.resolve(JSON.parse(textalpha)).then((o) => console.log('alpha: mode ' + o.mode + ', ' + o.list.length + ' items'));
// bravo: classic
console.log('bravo: sync');
setTimeout(() => console.log('bravo: timeout 0'), 0);
setImmediate(() => console.log('bravo: immediate'));
Promise.resolve('bravo').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('bravo: nextTick'));
// charlie: stat
const fsScharlie = require('fs');
fsScharlie.writeFileSync('charlie.dat', 'hello'.repeat(6));
fsScharlie.stat('charlie.dat', (err, st) => {
  console.log(`charlie: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsScharlie.unlinkSync('charlie.dat');
});
// delta: error
function checkdelta(v) {
  if (v > 2) throw new Error('disk full #' + v);
  return v;
}
try {
  checkdelta(1);
  checkdelta(5);
  console.log('delta: not reached');
} catch (e) {
  console.log('delta: caught ' + e.message + ' (' + e.name + ')');
} finally {
  console.log('delta: cleanup');
}
console.log('end of script');
