// `@xinfang/event-store/testing`: what every adapter's multi-process tests share (no vitest here: a child
// process loads it too).
export { runWriterOn } from './concurrent-writer';
export type { Acknowledged, WriterPlan, WriterReport, WriterStore } from './concurrent-writer';
export { startWriterProcess } from './child-writer';
export type { ChildWriter } from './child-writer';
