// Generated puzzle 98: rejection + allsettled + stat.
// alpha: rejection
new Promise((resolve, reject) => setTimeout(() => reject(new Error('alpha failed')), 5))
  .then(() => console.log('alpha: never'))
  .catch((e) => console.log('alpha: handled ' + e.message))
  .finally(() => console.log('alpha: settled'));
// bravo: allsettled
const pbravo = [1, 2, 3].map((i) => (i === 2 ? Promise.reject(new Error('bad ' + i)) : Promise.resolve(i * 10)));
Promise.allSettled(pbravo).then((res) =>
  console.log('bravo: ' + res.map((x) => (x.status === 'fulfilled' ? x.value : x.reason.message)).join(', ')),
);
// charlie: stat
const fsScharlie = require('fs');
fsScharlie.writeFileSync('charlie.dat', 'hello'.repeat(41));
fsScharlie.stat('charlie.dat', (err, st) => {
  console.log(`charlie: stat size=${st.size} file=${st.isFile()} dir=${st.isDirectory()}`);
  fsScharlie.unlinkSync('charlie.dat');
});
console.log('end of script');
