// Generated puzzle 95: error + async + fs.
// alpha: error
function checkalpha(v) {
  if (v > 2) throw new Error('timeout #' + v);
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
// bravo: async
async function stepbravo(i) {
  console.log('bravo: step ' + i + ' begins');
  await null;
  console.log('bravo: step ' + i + ' resumes');
  return i * 2;
}
(async () => {
  let totalbravo = 0;
  for (let i = 1; i <= 3; i++) totalbravo += await stepbravo(i);
  console.log('bravo: total ' + totalbravo);
})();
// charlie: fs
const fscharlie = require('fs');
fscharlie.writeFileSync('charlie.txt', 'dates dates dates');
fscharlie.readFile('charlie.txt', 'utf8', (err, data) => {
  console.log('charlie: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('charlie: immediate after read'));
  setTimeout(() => console.log('charlie: timeout after read'), 0);
});
console.log('end of script');
