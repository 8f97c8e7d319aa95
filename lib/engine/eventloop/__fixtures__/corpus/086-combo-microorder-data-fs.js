// Generated puzzle 86: microorder + data + fs + nested.
// alpha: microorder
queueMicrotask(() => console.log('alpha: qm 1'));
Promise.resolve().then(() => console.log('alpha: then 1')).then(() => console.log('alpha: then 2'));
queueMicrotask(() => console.log('alpha: qm 2'));
(async () => { await undefined; console.log('alpha: await 1'); await undefined; console.log('alpha: await 2'); })();
// bravo: data
const itemsbravo = [8, 9, 8, 4];
const doubledbravo = itemsbravo.map((x) => x * 2);
itemsbravo.push(10);
const firstbravo = itemsbravo.shift();
console.log('bravo:', doubledbravo, 'first', firstbravo, 'sum', itemsbravo.reduce((a, b) => a + b, 0));
const userbravo = { name: 'bravo', tags: ['a', 'b'], active: true };
console.log('bravo:', userbravo, Object.keys(userbravo).length);
// charlie: fs
const fscharlie = require('fs');
fscharlie.writeFileSync('charlie.txt', 'cherry');
fscharlie.readFile('charlie.txt', 'utf8', (err, data) => {
  console.log('charlie: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('charlie: immediate after read'));
  setTimeout(() => console.log('charlie: timeout after read'), 0);
});
// delta: nested
setTimeout(() => {
  console.log('delta: outer timeout');
  setImmediate(() => console.log('delta: inner immediate'));
  setTimeout(() => console.log('delta: inner timeout'), 0);
  process.nextTick(() => console.log('delta: inner tick'));
}, 10);
console.log('end of script');
