const fs = require('fs');
const util = require('util');
const readFile = util.promisify(fs.readFile);
fs.writeFileSync('config.json', JSON.stringify({ name: 'demo', retries: 3 }));
async function load() {
  const text = await readFile('config.json', 'utf8');
  const cfg = JSON.parse(text);
  console.log(`loaded ${cfg.name} with ${cfg.retries} retries`);
  return cfg;
}
load().then((cfg) => console.log('keys:', Object.keys(cfg).join('+')));
Promise.resolve().then(() => console.log('microtask before file'));
console.log('reading');
