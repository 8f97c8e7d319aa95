// Generated puzzle 32: fs + allsettled + race + strings.
// alpha: fs
const fsalpha = require('fs');
fsalpha.writeFileSync('alpha.txt', 'cherry cherry');
fsalpha.readFile('alpha.txt', 'utf8', (err, data) => {
  console.log('alpha: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('alpha: immediate after read'));
  setTimeout(() => console.log('alpha: timeout after read'), 0);
});
// bravo: allsettled
const pbravo = [1, 2, 3].map((i) => (i === 2 ? Promise.reject(new Error('bad ' + i)) : Promise.resolve(i * 10)));
Promise.allSettled(pbravo).then((res) =>
  console.log('bravo: ' + res.map((x) => (x.status === 'fulfilled' ? x.value : x.reason.message)).join(', ')),
);
// charlie: race
const delaycharlie = (ms, v) => new Promise((res) => setTimeout(res, ms, v));
Promise.race([delaycharlie(10, 'A'), delaycharlie(60, 'B')]).then((w) => console.log('charlie: winner ' + w));
// delta: strings
const sdelta = 'Event Loop';
setTimeout(() => {
  console.log(`delta: ${sdelta.toLowerCase()} / ${sdelta.length} / ${sdelta.split(' ').reverse().join(' ')}`);
  console.log('delta: ' + sdelta.slice(0, 5).padEnd(8, '.') + '|' + sdelta.replace(' ', '_'));
}, 1);
console.log('end of script');
