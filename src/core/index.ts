export { SimulationKernel } from './simulation-kernel.js';
export type { EventHandle, EventHandler } from './simulation-kernel.js';
export { EventQueue } from './event-queue.js';
