// Generated puzzle 80: rejection + json + fs + allsettled.
// alpha: rejection
new Promise((resolve, reject) => setTimeout(() => reject(new Error('alpha failed')), 10))
  .then(() => console.log('alpha: never'))
  .catch((e) => console.log('alpha: handled ' + e.message))
  .finally(() => console.log('alpha: settled'));
// bravo: json
const cfgbravo = { id: 41, mode: 'safe', list: [1, 2] };
const textbravo = JSON.stringify(cfgbravo);
process.nextTick(() => console.log('bravo: ' + textbravo + ' ' + textbravo.length));
Promise.resolve(JSON.parse(textbravo)).then((o) => console.log('bravo: mode ' + o.mode + ', ' + o.list.length + ' items'));
// charlie: fs
const fscharlie = require('fs');
fscharlie.writeFileSync('charlie.txt', 'cherry');
fscharlie.readFile('charlie.txt', 'utf8', (err, data) => {
  console.log('charlie: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('charlie: immediate after read'));
  setTimeout(() => console.log('charlie: timeout after read'), 0);
});
// delta: allsettled
const pdelta = [1, 2, 3].map((i) => (i === 2 ? Promise.reject(new Error('bad ' + i)) : Promise.resolve(i * 10)));
Promise.allSettled(pdelta).then((res) =>
  console.log('delta: ' + res.map((x) => (x.status === 'fulfilled' ? x.value : x.reason.message)).join(', ')),
);
console.log('end of script');
