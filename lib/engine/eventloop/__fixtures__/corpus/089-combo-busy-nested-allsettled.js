// Generated puzzle 89: busy + nested + allsettled + stat.
// alpha: busy
setTimeout(() => {
  const talpha = Date.now();
  while (Date.now() - talpha < 30) {}
  console.log('alpha: busy 30 ms done');
}, 1);
setTimeout(() => console.log('alpha: short timer waited for the busy one'), 5);
// bravo: nested
setTimeout(() => {
  console.log('bravo: outer timeout');
  setImmediate(() => console.log('bravo: inner immediate'));
  setTimeout(() => console.log('bravo: inner timeout'), 0);
  process.nextTick(() => console.log('bravo: inner tick'));
}, 10);
// charlie: allsettled
const pcharlie = [1, 2, 3].map((i) => (i === 2 ? Promise.reject(new Error('bad ' + i)) : Promise.resolve(i * 10)));
Promise.allSettled(pcharlie).then((res) =>
  console.log('charlie: ' + res.map((x) => (x.status === 'fulfilled' ? x.value : x.reason.message)).join(', ')),
);
// delta: stat
const fsSdelta = require('fs');
fsSdelta.writeFileSync('delta.dat', 'hello'.repeat(46));
fsSdelta.stat('delta.dat', (err, st) => {
  console.log(`delta: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsSdelta.unlinkSync('delta.dat');
});
console.log('end of script');
