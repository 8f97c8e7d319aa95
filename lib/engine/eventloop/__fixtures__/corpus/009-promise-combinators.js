const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
const fail = (ms, msg) => new Promise((_, rej) => setTimeout(() => rej(new Error(msg)), ms));
Promise.all([sleep(20, 'a'), sleep(5, 'b'), Promise.resolve('c')]).then((vs) => console.log('all:', vs.join(',')));
Promise.race([sleep(50, 'slow'), sleep(10, 'quick')]).then((v) => console.log('race:', v));
Promise.allSettled([sleep(1, 1), fail(2, 'nope')]).then((rs) => {
  console.log('settled:', rs.map((r) => r.status).join(' '));
  console.log('reason:', rs[1].reason.message);
});
Promise.all([sleep(10, 1), fail(3, 'first failure')]).catch((e) => console.log('all failed:', e.message));
console.log('sync end');
