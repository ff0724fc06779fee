/** The step registry: type id → handler. Registering a type twice is an error. */
import { EngineError } from "../errors";
import type { StepHandler } from "./types";

export class StepRegistry {
  readonly #handlers = new Map<string, StepHandler<unknown>>();

  register<C>(handler: StepHandler<C>): this {
    if (this.#handlers.has(handler.type)) {
      throw new EngineError("duplicate_step_type", `step type "${handler.type}" is already registered`);
    }
    this.#handlers.set(handler.type, handler as StepHandler<unknown>);
    return this;
  }

  get(type: string): StepHandler<unknown> | undefined {
    return this.#handlers.get(type);
  }

  has(type: string): boolean {
    return this.#handlers.has(type);
  }

  types(): string[] {
    return [...this.#handlers.keys()];
  }
}
