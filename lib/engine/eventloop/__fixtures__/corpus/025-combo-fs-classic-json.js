// Generated puzzle 25: fs + classic + json.
// alpha: fs
const fsalpha = require('fs');
fsalpha.writeFileSync('alpha.txt', 'banana banana banana banana');
fsalpha.readFile('alpha.txt', 'utf8', (err, data) => {
  console.log('alpha: read ' + data.length + ' chars, first word ' + data.split(' ')[0]);
  setImmediate(() => console.log('alpha: immediate after read'));
  setTimeout(() => console.log('alpha: timeout after read'), 0);
});
// bravo: classic
console.log('bravo: sync');
setTimeout(() => console.log('bravo: timeout 0'), 0);
setImmediate(() => console.log('bravo: immediate'));
Promise.resolve('bravo').then((v) => console.log(v + ': promise'));
process.nextTick(() => console.log('bravo: nextTick'));
// charlie: json
const cfgcharlie = { id: 41, mode: 'safe', list: [1, 2] };
const textcharlie = JSON.stringify(cfgcharlie);
process.nextTick(() => console.log('charlie: ' + textcharlie + ' ' + textcharlie.length));
Promise.resolve(JSON.parse(textcharlie)).then((o) => console.log('charlie: mode ' + o.mode + ', ' + o.list.length + ' items'));
console.log('end of script');
