// Pages prerendered at build time carry inline bootstrap scripts written without a nonce, so a nonce
// policy would block them. Until every page renders per request (see docs/operations.md), these paths
// get the weaker policy; e2e/headers.spec.ts compares this list with the build's prerender manifest.
export const PRERENDERED = /^\/(learn(\/[a-z0-9-]+)?|dev\/sim-preview|_not-found|_global-error)?$/;
