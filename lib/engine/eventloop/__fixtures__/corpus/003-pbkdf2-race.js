// A 200 000-iteration hash against a 1-iteration one: the cheap one always finishes first.
const crypto = require('crypto');
console.log('hashing');
crypto.pbkdf2('secret', 'salt', 200000, 64, 'sha512', (err, key) => {
  console.log(`slow hash done: ${key.length} bytes`);
});
crypto.pbkdf2('secret', 'salt', 1, 32, 'sha512', (err, key) => {
  if (err) throw err;
  console.log('fast hash done: ' + key.length + ' bytes');
  setImmediate(() => console.log('immediate after fast hash'));
  process.nextTick(() => console.log('tick after fast hash'));
});
console.log('scheduled both');
