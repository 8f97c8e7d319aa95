Promise.resolve(1)
  .then((v) => {
    console.log('then 1 got', v);
    throw new RangeError('out of range');
  })
  .then(() => console.log('skipped'))
  .catch((e) => {
    console.log('catch', e.name, e.message);
    return 'recovered';
  })
  .finally(() => console.log('finally runs'))
  .then((v) => console.log('after finally', v));
Promise.resolve()
  .then(() => console.log('other chain a'))
  .then(() => console.log('other chain b'))
  .then(() => console.log('other chain c'));
