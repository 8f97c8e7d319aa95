const fs = require('fs');
const path = require('path');
fs.mkdirSync('out');
for (const name of ['b.txt', 'a.txt', 'c.log']) {
  fs.writeFileSync(path.join('out', name), name.repeat(3));
}
console.log('sync listing:', fs.readdirSync('out').join(', '));
fs.readdir('out', (err, names) => {
  console.log('async listing:', names.filter((n) => path.extname(n) === '.txt').join(' '));
  for (const n of names) fs.unlinkSync(path.join('out', n));
  fs.rmdirSync('out');
  console.log('cleaned, exists:', fs.existsSync('out'));
});
try {
  fs.mkdirSync('out');
} catch (e) {
  console.log('mkdir again:', e.code);
}
