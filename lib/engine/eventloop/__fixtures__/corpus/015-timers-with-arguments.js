function greet(name, punctuation) {
  console.log(`hello ${name}${punctuation}`);
}
setTimeout(greet, 20, 'world', '!');
const cancelled = setTimeout(greet, 10, 'nobody', '?');
setTimeout(() => clearTimeout(cancelled), 1);
const im = setImmediate(greet, 'immediate', '.');
clearImmediate(im);
setImmediate(greet, 'second immediate', '...');
process.nextTick(greet, 'tick', ';');
