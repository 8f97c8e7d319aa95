// Generated puzzle 30: busy + strings + fs.
// alpha: busy
setTimeout(() => {
  const talpha = Date.now();
  while (Date.now() - talpha < 50) {}
  console.log('alpha: busy 50 ms done');
}, 1);
setTimeout(() => console.log('alpha: short timer waited for the busy one'), 5);
// bravo: strings
const sbravo = 'Promise Jobs';
setTimeout(() => {
  console.log(`bravo: ${sbravo.toLowerCase()} / ${sbravo.length} / ${sbravo.split(' ').reverse().join(' ')}`);
  console.log('bravo: ' + sbravo.slice(0, 5).padEnd(8, '.') + '|' + sbravo.replace(' ', '_'));
}, 2);
// charlie: fs
const fscharlie = require('fs');
fscharlie.writeFileSync('charlie.txt', 'apple apple apple apple');
fscharlie.readFile('charlie.txt', 'utf8', (err, data) => {
  console.log('charlie: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('charlie: immediate after read'));
  setTimeout(() => console.log('charlie: timeout after read'), 0);
});
console.log('end of script');
