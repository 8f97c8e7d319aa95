// Generated puzzle 101: fs + error + strings + data.
// alpha: fs
const fsalpha = require('fs');
fsalpha.writeFileSync('alpha.txt', 'dates dates');
fsalpha.readFile('alpha.txt', 'utf8', (err, data) => {
  console.log('alpha: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('alpha: immediate after read'));
  setTimeout(() => console.log('alpha: timeout after read'), 0);
});
// bravo: error
function checkbravo(v) {
  if (v > 2) throw new Error('timeout #' + v);
  return v;
}
try {
  checkbravo(1);
  checkbravo(5);
  console.log('bravo: not reached');
} catch (e) {
  console.log('bravo: caught ' + e.message + ' (' + e.name + ')');
} finally {
  console.log('bravo: cleanup');
}
// charlie: strings
const scharlie = 'libuv threadpool';
setTimeout(() => {
  console.log(`charlie: ${scharlie.toLowerCase()} / ${scharlie.length} / ${scharlie.split(' ').reverse().join(' ')}`);
  console.log('charlie: ' + scharlie.slice(0, 5).padEnd(8, '.') + '|' + scharlie.replace(' ', '_'));
}, 1);
// delta: data
const itemsdelta = [9, 5, 9, 4];
const doubleddelta = itemsdelta.map((x) => x * 2);
itemsdelta.push(10);
const firstdelta = itemsdelta.shift();
console.log('delta:', doubleddelta, 'first', firstdelta, 'sum', itemsdelta.reduce((a, b) => a + b, 0));
const userdelta = { name: 'delta', tags: ['a', 'b'], active: true };
console.log('delta:', userdelta, Object.keys(userdelta).length);
console.log('end of script');
