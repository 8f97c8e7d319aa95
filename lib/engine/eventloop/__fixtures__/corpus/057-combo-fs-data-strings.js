// Generated puzzle 57: fs + data + strings.
// alpha: fs
const fsalpha = require('fs');
fsalpha.writeFileSync('alpha.txt', 'cherry');
fsalpha.readFile('alpha.txt', 'utf8', (err, data) => {
  console.log('alpha: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('alpha: immediate after read'));
  setTimeout(() => console.log('alpha: timeout after read'), 0);
});
// bravo: data
const itemsbravo = [8, 2, 7, 8];
const doubledbravo = itemsbravo.map((x) => x * 2);
itemsbravo.push(10);
const firstbravo = itemsbravo.shift();
console.log('bravo:', doubledbravo, 'first', firstbravo, 'sum', itemsbravo.reduce((a, b) => a + b, 0));
const userbravo = { name: 'bravo', tags: ['a', 'b'], active: true };
console.log('bravo:', userbravo, Object.keys(userbravo).length);
// charlie: strings
const scharlie = 'Promise Jobs';
setTimeout(() => {
  console.log(`charlie: ${scharlie.toLowerCase()} / ${scharlie.length} / ${scharlie.split(' ').reverse().join(' ')}`);
  console.log('charlie: ' + scharlie.slice(0, 5).padEnd(8, '.') + '|' + scharlie.replace(' ', '_'));
}, 5);
console.log('end of script');
