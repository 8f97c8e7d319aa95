// Generated puzzle 110: fs + race + busy + error.
// alpha: fs
const fsalpha = require('fs');
fsalpha.writeFileSync('alpha.txt', 'cherry cherry cherry cherry');
fsalpha.readFile('alpha.txt', 'utf8', (err, data) => {
  console.log('alpha: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('alpha: immediate after read'));
  setTimeout(() => console.log('alpha: timeout after read'), 0);
});
// bravo: race
const delaybravo = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delaybravo(10, 'A'), delaybravo(60, 'B')]).then((w) => console.log('bravo: winner ' + w));
// charlie: busy
setTimeout(() => {
  const tcharlie = Date.now();
  while (Date.now() - tcharlie < 50) {}
  console.log('charlie: busy 50 ms done');
}, 1);
setTimeout(() => console.log('charlie: short timer waited for the busy one'), 5);
// delta: error
function checkdelta(v) {
  if (v > 2) throw new Error('not found #' + v);
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
