// Generated puzzle 42: interval + fs + data.
// alpha: interval
let nalpha = 0;
const ivalpha = setInterval(() => {
  nalpha++;
  console.log(`alpha: interval ${nalpha}`);
  if (nalpha >= 3) {
    clearInterval(ivalpha);
    process.nextTick(() => console.log('alpha: interval cleared'));
  }
}, 30);
// bravo: fs
const fsbravo = require('fs');
fsbravo.writeFileSync('bravo.txt', 'cherry cherry');
fsbravo.readFile('bravo.txt', 'utf8', (err, data) => {
  console.log('bravo: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('bravo: immediate after read'));
  setTimeout(() => console.log('bravo: timeout after read'), 0);
});
// charlie: data
const itemscharlie = [8, 3, 6, 3];
const doubledcharlie = itemscharlie.map((x) => x * 2);
itemscharlie.push(10);
const firstcharlie = itemscharlie.shift();
console.log('charlie:', doubledcharlie, 'first', firstcharlie, 'sum', itemscharlie.reduce((a, b) => a + b, 0));
const usercharlie = { name: 'charlie', tags: ['a', 'b'], active: true };
console.log('charlie:', usercharlie, Object.keys(usercharlie).length);
console.log('end of script');
