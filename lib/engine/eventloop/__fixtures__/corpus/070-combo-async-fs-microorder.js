// Generated puzzle 70: async + fs + microorder + nested.
// alpha: async
async function stepalpha(i) {
  console.log('alpha: step ' + i + ' begins');
  await null;
  console.log('alpha: step ' + i + ' resumes');
  return i * 2;
}
(async () => {
  let totalalpha = 0;
  for (let i = 1; i <= 3; i++) totalalpha += await stepalpha(i);
  console.log('alpha: total ' + totalalpha);
})();
// bravo: fs
const fsbravo = require('fs');
fsbravo.writeFileSync('bravo.txt', 'apple apple');
fsbravo.readFile('bravo.txt', 'utf8', (err, data) => {
  console.log('bravo: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('bravo: immediate after read'));
  setTimeout(() => console.log('bravo: timeout after read'), 0);
});
// charlie: microorder
queueMicrotask(() => console.log('charlie: qm 1'));
Promise.resolve().then(() => console.log('charlie: then 1')).then(() => console.log('charlie: then 2'));
queueMicrotask(() => console.log('charlie: qm 2'));
(async () => { await undefined; console.log('charlie: await 1'); await undefined; console.log('charlie: await 2'); })();
// delta: nested
setTimeout(() => {
  console.log('delta: outer timeout');
  setImmediate(() => console.log('delta: inner immediate'));
  setTimeout(() => console.log('delta: inner timeout'), 0);
  process.nextTick(() => console.log('delta: inner tick'));
}, 20);
console.log('end of script');
