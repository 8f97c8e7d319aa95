// Generated puzzle 23: json + microorder + nested + fs.
// alpha: json
const cfgalpha = { id: 84, mode: 'safe', list: [1, 2] };
const textalpha = JSON.stringify(cfgalpha);
process.nextTick(() => console.log('alpha: ' + textalpha + ' ' + textalpha.length));
Promise.resolve(JSON.parse(textalpha)).then((o) => console.log('alpha: mode ' + o.mode + ', ' + o.list.length + ' items'));
// bravo: microorder
queueMicrotask(() => console.log('bravo: qm 1'));
Promise.resolve().then(() => console.log('bravo: then 1')).then(() => console.log('bravo: then 2'));
queueMicrotask(() => console.log('bravo: qm 2'));
(async () => { await undefined; console.log('bravo: await 1'); await undefined; console.log('bravo: await 2'); })();
// charlie: nested
setTimeout(() => {
  console.log('charlie: outer timeout');
  setImmediate(() => console.log('charlie: inner immediate'));
  setTimeout(() => console.log('charlie: inner timeout'), 0);
  process.nextTick(() => console.log('charlie: inner tick'));
}, 20);
// delta: fs
const fsdelta = require('fs');
fsdelta.writeFileSync('delta.txt', 'cherry cherry cherry');
fsdelta.readFile('delta.txt', 'utf8', (err, data) => {
  console.log('delta: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('delta: immediate after read'));
  setTimeout(() => console.log('delta: timeout after read'), 0);
});
console.log('end of script');
