// Node.js event-loop ordering model: parse a small CommonJS program, list every output order Node 20
// can produce (with the phase of each line), and grade a student's predicted order.
export { modelEventLoop, parseEventLoopProgram, EVENTLOOP_DEFAULTS } from "./model";
export { checkEventLoopOrder } from "./check";
export { formatEventLoopModel } from "./format";
export type {
  EventLoopBelief,
  EventLoopCheck,
  EventLoopError,
  EventLoopExit,
  EventLoopLine,
  EventLoopModel,
  EventLoopOptions,
  EventLoopQueue,
  EventLoopResult,
  EventLoopStage,
} from "./types";
