// Generated puzzle 39: race + fs + error.
// alpha: race
const delayalpha = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delayalpha(60, 'A'), delayalpha(10, 'B')]).then((w) => console.log('alpha: winner ' + w));
// bravo: fs
const fsbravo = require('fs');
fsbravo.writeFileSync('bravo.txt', 'banana banana');
fsbravo.readFile('bravo.txt', 'utf8', (err, data) => {
  console.log('bravo: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('bravo: immediate after read'));
  setTimeout(() => console.log('bravo: timeout after read'), 0);
});
// charlie: error
function checkcharlie(v) {
  if (v > 2) throw new Error('disk full #' + v);
  return v;
}
try {
  checkcharlie(1);
  checkcharlie(5);
  console.log('charlie: not reached');
} catch (e) {
  console.log('charlie: caught ' + e.message + ' (' + e.name + ')');
} finally {
  console.log('charlie: cleanup');
}
console.log('end of script');
