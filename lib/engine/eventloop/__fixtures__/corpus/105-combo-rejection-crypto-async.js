// Generated puzzle 105: rejection + crypto + async.
// alpha: rejection
new Promise((resolve, reject) => setTimeout(() => reject(new Error('alpha failed')), 5))
  .then(() => console.log('alpha: never'))
  .catch((e) => console.log('alpha: handled ' + e.message))
  .finally(() => console.log('alpha: settled'));
// bravo: crypto
const cryptobravo = require('crypto');
cryptobravo.pbkdf2('pw', 'salt', 300000, 16, 'sha512', (err, key) => console.log('bravo: slow key ' + key.length));
cryptobravo.pbkdf2('pw', 'salt', 1, 32, 'sha512', (err, key) => console.log('bravo: quick key ' + key.length));
// charlie: async
async function stepcharlie(i) {
  console.log('charlie: step ' + i + ' begins');
  await null;
  console.log('charlie: step ' + i + ' resumes');
  return i * 2;
}
(async () => {
  let totalcharlie = 0;
  for (let i = 1; i <= 3; i++) totalcharlie += await stepcharlie(i);
  console.log('charlie: total ' + totalcharlie);
})();
console.log('end of script');
