// Generated puzzle 107: data + strings + crypto.
// alpha: data
const itemsalpha = [2, 1, 6, 5];
const doubledalpha = itemsalpha.map((x) => x * 2);
itemsalpha.push(10);
const firstalpha = itemsalpha.shift();
console.log('alpha:', doubledalpha, 'first', firstalpha, 'sum', itemsalpha.reduce((a, b) => a + b, 0));
const useralpha = { name: 'alpha', tags: ['a', 'b'], active: true };
console.log('alpha:', useralpha, Object.keys(useralpha).length);
// bravo: strings
const sbravo = 'Promise Jobs';
setTimeout(() => {
  console.log(`bravo: ${sbravo.toLowerCase()} / ${sbravo.length} / ${sbravo.split(' ').reverse().join(' ')}`);
  console.log('bravo: ' + sbravo.slice(0, 5).padEnd(8, '.') + '|' + sbravo.replace(' ', '_'));
}, 2);
// charlie: crypto
const cryptocharlie = require('crypto');
cryptocharlie.pbkdf2('pw', 'salt', 300000, 16, 'sha512', (err, key) => console.log('charlie: slow key ' + key.length));
cryptocharlie.pbkdf2('pw', 'salt', 1, 32, 'sha512', (err, key) => console.log('charlie: quick key ' + key.length));
console.log('end of script');
