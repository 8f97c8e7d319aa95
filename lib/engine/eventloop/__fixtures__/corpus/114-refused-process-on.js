// expect-refusal: process\.on is not supported
process.on('exit', (code) => console.log('exiting with', code));
setTimeout(() => console.log('timer'), 0);
console.log('main');
