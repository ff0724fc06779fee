export { createLlmRegistry } from "./registry";
export { createAiSdkClient } from "./client";
export { createLanguageModel } from "./models";
export { costOf } from "./cost";
export { redact, toLlmStepError } from "./errors";
