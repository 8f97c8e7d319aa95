// Generated puzzle 48: error + fs + interval + rejection.
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
// bravo: fs
const fsbravo = require('fs');
fsbravo.writeFileSync('bravo.txt', 'apple apple apple apple');
fsbravo.readFile('bravo.txt', 'utf8', (err, data) => {
  console.log('bravo: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('bravo: immediate after read'));
  setTimeout(() => console.log('bravo: timeout after read'), 0);
});
// charlie: interval
let ncharlie = 0;
const ivcharlie = setInterval(() => {
  ncharlie++;
  console.log(`charlie: interval ${ncharlie}`);
  if (ncharlie >= 3) {
    clearInterval(ivcharlie);
    process.nextTick(() => console.log('charlie: interval cleared'));
  }
}, 20);
// delta: rejection
new Promise((resolve, reject) => setTimeout(() => reject(new Error('delta failed')), 5))
  .then(() => console.log('delta: never'))
  .catch((e) => console.log('delta: handled ' + e.message))
  .finally(() => console.log('delta: settled'));
console.log('end of script');
