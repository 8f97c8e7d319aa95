// Generated puzzle 35: json + fs + rejection + interval.
// alpha: json
const cfgalpha = { id: 66, mode: 'fast', list: [1, 2] };
const textalpha = JSON.stringify(cfgalpha);
process.nextTick(() => console.log('alpha: ' + textalpha + ' ' + textalpha.length));
Promise.resolve(JSON.parse(textalpha)).then((o) => console.log('alpha: mode ' + o.mode + ', ' + o.list.length + ' items'));
// bravo: fs
const fsbravo = require('fs');
fsbravo.writeFileSync('bravo.txt', 'cherry cherry');
fsbravo.readFile('bravo.txt', 'utf8', (err, data) => {
  console.log('bravo: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('bravo: immediate after read'));
  setTimeout(() => console.log('bravo: timeout after read'), 0);
});
// charlie: rejection
new Promise((resolve, reject) => setTimeout(() => reject(new Error('charlie failed')), 5))
  .then(() => console.log('charlie: never'))
  .catch((e) => console.log('charlie: handled ' + e.message))
  .finally(() => console.log('charlie: settled'));
// delta: interval
let ndelta = 0;
const ivdelta = setInterval(() => {
  ndelta++;
  console.log(`delta: interval ${ndelta}`);
  if (ndelta >= 3) {
    clearInterval(ivdelta);
    process.nextTick(() => console.log('delta: interval cleared'));
  }
}, 30);
console.log('end of script');
