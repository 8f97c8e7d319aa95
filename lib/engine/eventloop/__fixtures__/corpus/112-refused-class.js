// expect-refusal: classes are not supported
class Queue {
  constructor() { this.items = []; }
}
setImmediate(() => console.log('immediate'));
console.log(new Queue().items.length);
