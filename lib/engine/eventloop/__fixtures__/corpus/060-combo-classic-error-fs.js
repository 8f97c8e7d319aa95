// Generated puzzle 60: classic + error + fs.
// alpha: classic
console.log('alpha: sync');
setTimeout(() => console.log('alpha: timeout 0'), 0);
setImmediate(() => console.log('alpha: immediate'));
Promise.resolve('alpha').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('alpha: nextTick'));
// bravo: error
function checkbravo(v) {
  if (v > 2) throw new Error('disk full #' + v);
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
// charlie: fs
const fscharlie = require('fs');
fscharlie.writeFileSync('charlie.txt', 'banana banana banana');
fscharlie.readFile('charlie.txt', 'utf8', (err, data) => {
  console.log('charlie: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('charlie: immediate after read'));
  setTimeout(() => console.log('charlie: timeout after read'), 0);
});
console.log('end of script');
