// The kernel layer: discrete-event loop, message pool, per-agent latency.
export { Kernel, type Agent, type KernelOptions } from './kernel.ts';
export { MessagePool } from './messages.ts';
