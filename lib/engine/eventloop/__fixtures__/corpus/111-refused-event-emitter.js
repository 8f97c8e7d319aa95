// expect-refusal: require\('events'\) is not supported
const EventEmitter = require('events');
const bus = new EventEmitter();
bus.on('ping', () => console.log('pong'));
setTimeout(() => bus.emit('ping'), 0);
console.log('listening');
