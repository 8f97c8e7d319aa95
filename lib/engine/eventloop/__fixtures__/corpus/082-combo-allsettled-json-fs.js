// Generated puzzle 82: allsettled + json + fs.
// alpha: allsettled
const palpha = [1, 2, 3].map((i) => (i === 2 ? Promise.reject(new Error('bad ' + i)) : Promise.resolve(i * 10)));
Promise.allSettled(palpha).then((res) =>
  console.log('alpha: ' + res.map((x) => (x.status === 'fulfilled' ? x.value : x.reason.message)).join(', ')),
);
// bravo: json
const cfgbravo = { id: 36, mode: 'safe', list: [1, 2] };
const textbravo = JSON.stringify(cfgbravo);
process.nextTick(() => console.log('bravo: ' + textbravo + ' ' + textbravo.length));
Promise.resolve(JSON.parse(textbravo)).then((o) => console.log('bravo: mode ' + o.mode + ', ' + o.list.length + ' items'));
// charlie: fs
const fscharlie = require('fs');
fscharlie.writeFileSync('charlie.txt', 'apple');
fscharlie.readFile('charlie.txt', 'utf8', (err, data) => {
  console.log('charlie: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('charlie: immediate after read'));
  setTimeout(() => console.log('charlie: timeout after read'), 0);
});
console.log('end of script');
