// Generated puzzle 92: error + rejection + stat + interval.
// alpha: error
function checkalpha(v) {
  if (v > 2) throw new Error('not found #' + v);
  return v;
}
try {
  checkalpha(1);
  checkalpha(5);
  console.log('alpha: not reached');
} catch (e) {
  console.log('alpha: caught ' + e.message + ' (' + e.name + ')');
} finally {
  console.log('alpha: cleanup');
}
// bravo: rejection
new Promise((resolve, reject) => setTimeout(() => reject(new Error('bravo failed')), 5))
  .then(() => console.log('bravo: never'))
  .catch((e) => console.log('bravo: handled ' + e.message))
  .finally(() => console.log('bravo: settled'));
// charlie: stat
const fsScharlie = require('fs');
fsScharlie.writeFileSync('charlie.dat', 'some text here'.repeat(27));
fsScharlie.stat('charlie.dat', (err, st) => {
  console.log(`charlie: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsScharlie.unlinkSync('charlie.dat');
});
// delta: interval
let ndelta = 0;
const ivdelta = setInterval(() => {
  ndelta++;
  console.log(`delta: interval ${ndelta}`);
  if (ndelta >= 4) {
    clearInterval(ivdelta);
    process.nextTick(() => console.log('delta: interval cleared'));
  }
}, 20);
console.log('end of script');
