// Generated puzzle 29: microorder + allsettled + busy + fs.
// alpha: microorder
queueMicrotask(() => console.log('alpha: qm 1'));
Promise.resolve().then(() => console.log('alpha: then 1')).then(() => console.log('alpha: then 2'));
queueMicrotask(() => console.log('alpha: qm 2'));
(async () => { await undefined; console.log('alpha: await 1'); await undefined; console.log('alpha: await 2'); })();
// bravo: allsettled
const pbravo = [1, 2, 3].map((i) => (i === 2 ? Promise.reject(new Error('bad ' + i)) : Promise.resolve(i * 10)));
Promise.allSettled(pbravo).then((res) =>
  console.log('bravo: ' + res.map((x) => (x.status === 'fulfilled' ? x.value : x.reason.message)).join(', ')),
);
// charlie: busy
setTimeout(() => {
  const tcharlie = Date.now();
  while (Date.now() - tcharlie < 50) {}
  console.log('charlie: busy 50 ms done');
}, 1);
setTimeout(() => console.log('charlie: short timer waited for the busy one'), 5);
// delta: fs
const fsdelta = require('fs');
fsdelta.writeFileSync('delta.txt', 'apple apple apple');
fsdelta.readFile('delta.txt', 'utf8', (err, data) => {
  console.log('delta: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('delta: immediate after read'));
  setTimeout(() => console.log('delta: timeout after read'), 0);
});
console.log('end of script');
