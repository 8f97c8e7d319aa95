const fs = require('fs');
fs.writeFileSync('greeting.txt', 'Hello, event loop!');
console.log('written, exists=' + fs.existsSync('greeting.txt'));
fs.readFile('greeting.txt', 'utf8', (err, text) => {
  if (err) return console.log('error', err.code);
  console.log('contents: ' + text);
  console.log('words: ' + text.split(' ').length);
  fs.stat('greeting.txt', (err2, stats) => {
    console.log(`size ${stats.size}, file? ${stats.isFile()}`);
    fs.unlinkSync('greeting.txt');
    console.log('removed, exists=' + fs.existsSync('greeting.txt'));
  });
  setTimeout(() => console.log('timeout inside readFile'), 0);
  setImmediate(() => console.log('immediate inside readFile'));
});
console.log('main done');
