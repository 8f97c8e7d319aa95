// Engine words a page needs without the engine: scheduling rule ids in plain words. Its own entry so a
// client component (the replay viewer on a lesson page) imports them without the question engine that
// the questions entry re-exports (≈ 120 KB gzipped on a lesson page through that entry).
export { ruleWords } from "../questions/rule-words";
