/** Tests use the production in-process scheduler (with a FakeClock). */
export { InProcessScheduler as InMemoryScheduler } from "../scheduling/in-process-scheduler";
