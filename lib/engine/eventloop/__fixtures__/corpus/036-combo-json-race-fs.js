// Generated puzzle 36: json + race + fs + microorder + crash.
// alpha: json
const cfgalpha = { id: 47, mode: 'safe', list: [1, 2] };
const textalpha = JSON.stringify(cfgalpha);
process.nextTick(() => console.log('alpha: ' + textalpha + ' ' + textalpha.length));
Promise.resolve(JSON.parse(textalpha)).then((o) => console.log('alpha: mode ' + o.mode + ', ' + o.list.length + ' items'));
// bravo: race
const delaybravo = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delaybravo(10, 'A'), delaybravo(120, 'B')]).then((w) => console.log('bravo: winner ' + w));
// charlie: fs
const fscharlie = require('fs');
fscharlie.writeFileSync('charlie.txt', 'cherry cherry cherry');
fscharlie.readFile('charlie.txt', 'utf8', (err, data) => {
  console.log('charlie: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('charlie: immediate after read'));
  setTimeout(() => console.log('charlie: timeout after read'), 0);
});
// delta: microorder
queueMicrotask(() => console.log('delta: qm 1'));
Promise.resolve().then(() => console.log('delta: then 1')).then(() => console.log('delta: then 2'));
queueMicrotask(() => console.log('delta: qm 2'));
(async () => { await undefined; console.log('delta: await 1'); await undefined; console.log('delta: await 2'); })();
// zulu: crash
setTimeout(() => { process.nextTick(() => { console.log('zulu: tick throws'); null.boom; }); }, 250);
setTimeout(() => console.log('zulu: never printed'), 400);
console.log('end of script');
