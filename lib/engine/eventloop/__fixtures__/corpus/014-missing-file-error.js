const fs = require('fs');
fs.readFile('does-not-exist.txt', 'utf8', (err, data) => {
  if (err) {
    console.log('error code:', err.code);
    console.log('message:', err.message);
    return;
  }
  console.log('unexpected', data);
});
try {
  fs.readFileSync('also-missing.txt');
} catch (e) {
  console.log('sync error:', e.code, e.syscall);
}
fs.promises.stat('nope').catch((e) => console.log('promise error:', e.code));
