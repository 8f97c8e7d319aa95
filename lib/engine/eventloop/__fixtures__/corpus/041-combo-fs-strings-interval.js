// Generated puzzle 41: fs + strings + interval + nested.
// alpha: fs
const fsalpha = require('fs');
fsalpha.writeFileSync('alpha.txt', 'apple apple apple apple');
fsalpha.readFile('alpha.txt', 'utf8', (err, data) => {
  console.log('alpha: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('alpha: immediate after read'));
  setTimeout(() => console.log('alpha: timeout after read'), 0);
});
// bravo: strings
const sbravo = 'Promise Jobs';
setTimeout(() => {
  console.log(`bravo: ${sbravo.toLowerCase()} / ${sbravo.length} / ${sbravo.split(' ').reverse().join(' ')}`);
  console.log('bravo: ' + sbravo.slice(0, 5).padEnd(8, '.') + '|' + sbravo.replace(' ', '_'));
}, 5);
// charlie: interval
let ncharlie = 0;
const ivcharlie = setInterval(() => {
  ncharlie++;
  console.log(`charlie: interval ${ncharlie}`);
  if (ncharlie >= 2) {
    clearInterval(ivcharlie);
    process.nextTick(() => console.log('charlie: interval cleared'));
  }
}, 20);
// delta: nested
setTimeout(() => {
  console.log('delta: outer timeout');
  setImmediate(() => console.log('delta: inner immediate'));
  setTimeout(() => console.log('delta: inner timeout'), 0);
  process.nextTick(() => console.log('delta: inner tick'));
}, 20);
console.log('end of script');
