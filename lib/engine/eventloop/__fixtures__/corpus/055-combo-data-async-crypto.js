// Generated puzzle 55: data + async + crypto.
// alpha: data
const itemsalpha = [8, 7, 7, 2];
const doubledalpha = itemsalpha.map((x) => x * 2);
itemsalpha.push(10);
const firstalpha = itemsalpha.shift();
console.log('alpha:', doubledalpha, 'first', firstalpha, 'sum', itemsalpha.reduce((a, b) => a + b, 0));
const useralpha = { name: 'alpha', tags: ['a', 'b'], active: true };
console.log('alpha:', useralpha, Object.keys(useralpha).length);
// bravo: async
async function stepbravo(i) {
  console.log('bravo: step ' + i + ' begins');
  await null;
  console.log('bravo: step ' + i + ' resumes');
  return i * 2;
}
(async () => {
  let totalbravo = 0;
  for (let i = 1; i <= 3; i++) totalbravo += await stepbravo(i);
  console.log('bravo: total ' + totalbravo);
})();
// charlie: crypto
const cryptocharlie = require('crypto');
cryptocharlie.pbkdf2('pw', 'salt', 300000, 32, 'sha512', (err, key) => console.log('charlie: slow key ' + key.length));
cryptocharlie.pbkdf2('pw', 'salt', 1, 64, 'sha512', (err, key) => console.log('charlie: quick key ' + key.length));
console.log('end of script');
