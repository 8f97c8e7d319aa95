// Generated puzzle 58: interval + error + busy + fs.
// alpha: interval
let nalpha = 0;
const ivalpha = setInterval(() => {
  nalpha++;
  console.log(`alpha: interval ${nalpha}`);
  if (nalpha >= 2) {
    clearInterval(ivalpha);
    process.nextTick(() => console.log('alpha: interval cleared'));
  }
}, 20);
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
// charlie: busy
setTimeout(() => {
  const tcharlie = Date.now();
  while (Date.now() - tcharlie < 30) {}
  console.log('charlie: busy 30 ms done');
}, 1);
setTimeout(() => console.log('charlie: short timer waited for the busy one'), 5);
// delta: fs
const fsdelta = require('fs');
fsdelta.writeFileSync('delta.txt', 'dates');
fsdelta.readFile('delta.txt', 'utf8', (err, data) => {
  console.log('delta: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('delta: immediate after read'));
  setTimeout(() => console.log('delta: timeout after read'), 0);
});
console.log('end of script');
