function wait(ms, value) {
  return new Promise((resolve) => setTimeout(resolve, ms, value));
}
async function risky(n) {
  await wait(5);
  if (n % 2 === 0) throw new Error(`even number ${n}`);
  return n * 10;
}
async function main() {
  for (const n of [1, 2, 3]) {
    try {
      const v = await risky(n);
      console.log('ok', v);
    } catch (e) {
      console.log('caught:', e.message);
    } finally {
      console.log('finally for', n);
    }
  }
  return 'all done';
}
main().then((msg) => console.log(msg));
console.log('main started');
