const fs = require('fs');
fs.writeFileSync('log.txt', '');
let ticks = 0;
const iv = setInterval(() => {
  ticks++;
  fs.appendFileSync('log.txt', `tick ${ticks}\n`);
  if (ticks === 3) {
    clearInterval(iv);
    fs.readFile('log.txt', 'utf8', (err, text) => {
      console.log(text.trim().split('\n').join(' | '));
      console.log('bytes', text.length);
    });
  }
}, 15);
console.log('logging');
