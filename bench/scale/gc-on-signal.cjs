// Loaded into the benchmark's servers only (node --expose-gc --require <this>): SIGUSR2 runs a
// full garbage collection, so that the memory phase reads RSS and heap with no garbage in them:
// the growth it reports is memory still held after 10,000 runs, not how late V8 collected.
process.on("SIGUSR2", () => {
  if (typeof globalThis.gc === "function") globalThis.gc();
});
