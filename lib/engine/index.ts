// The engine's only public entry. Everything here is pure TypeScript: no React, Next, Prisma or
// node:* imports, so the same code grades on the server, previews in the browser and runs from the CLI.
export * from "./sched/index";
export * from "./ostep/index";
export * from "./process/index";
export * from "./eventloop/index";
export * from "./capacity/index";
export * from "./procstates/index";
export * from "./races/index";
export * from "./questions/index";
export { ENGINE_VERSION } from "./version";
export { WorkBudgetExceeded, withWorkBudget } from "./work";
