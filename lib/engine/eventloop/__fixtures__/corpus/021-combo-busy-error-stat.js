// Generated puzzle 21: busy + error + stat.
// alpha: busy
setTimeout(() => {
  const talpha = Date.now();
  while (Date.now() - talpha < 50) {}
  console.log('alpha: busy 50 ms done');
}, 1);
setTimeout(() => console.log('alpha: short timer waited for the busy one'), 5);
// bravo: error
function checkbravo(v) {
  if (v > 2) throw new Error('not found #' + v);
  return v;
}
try {
  checkbravo(1);
  checkbravo(5);
  console.log('bravo: not reached');
} catch (e) {
  console.log('bravo: caught ' + e.message + ' (' + e.name + ')');
} finally {
  console.log('bravo: cleanup');
}
// charlie: stat
const fsScharlie = require('fs');
fsScharlie.writeFileSync('charlie.dat', 'some text here'.repeat(7));
fsScharlie.stat('charlie.dat', (err, st) => {
  console.log(`charlie: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsScharlie.unlinkSync('charlie.dat');
});
console.log('end of script');
