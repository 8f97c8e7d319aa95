const { setTimeout: sleep, setImmediate: nextTurn } = require('timers/promises');
async function worker(name, ms) {
  console.log(`${name} start`);
  await sleep(ms);
  console.log(`${name} after ${ms}`);
  await nextTurn();
  console.log(`${name} next turn`);
  return name.length;
}
Promise.all([worker('alpha', 30), worker('be', 5)]).then((lens) => console.log('lengths', lens));
console.log('workers started');
