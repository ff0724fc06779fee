// Cross-process pokes: a worker whose claim was refused because another process holds the run
// tells every process; the holder (Engine.poke) re-reads the run at once, so a decision taken
// while another branch of the run is busy in another worker resumes its step without waiting
// for that branch. Losing a poke is harmless: the refused claim also marked the run poked in
// PostgreSQL, and the holder advances again when it releases the lease.
import type { Redis } from "ioredis";

export class PokeChannel {
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #channel: string;

  constructor(options: { publisher: Redis; subscriber: Redis; channel: string; onPoke: (runId: string) => void }) {
    this.#publisher = options.publisher;
    this.#subscriber = options.subscriber;
    this.#channel = options.channel;
    this.#subscriber.on("message", (channel: string, runId: string) => {
      if (channel === this.#channel) options.onPoke(runId);
    });
  }

  async start(): Promise<void> {
    await this.#subscriber.subscribe(this.#channel);
  }

  publish(runId: string): void {
    this.#publisher.publish(this.#channel, runId).catch(() => {
      // Redis down: the poked mark in PostgreSQL still gets the run advanced.
    });
  }
}
