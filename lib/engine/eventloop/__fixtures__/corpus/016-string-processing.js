const fs = require('fs');
const lines = ['alpha', 'beta', 'gamma', 'delta'];
fs.writeFileSync('words.txt', lines.join('\n'));
fs.readFile('words.txt', 'utf8', (err, text) => {
  const words = text.split('\n');
  console.log('count', words.length);
  words
    .filter((w) => w.includes('a'))
    .map((w, i) => `${String(i + 1).padStart(2, '0')}. ${w.toUpperCase()}`)
    .forEach((w) => console.log(w));
  console.log('longest', words.reduce((a, b) => (b.length > a.length ? b : a)));
  console.log('first letters', words.map((w) => w[0]).join(''));
});
console.log('total chars ' + lines.join('').length);
