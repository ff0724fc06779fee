// Password guessing is throttled per client address: at most SIGN_IN_RATE_LIMIT.points failed
// attempts at sign-in or owner setup per window; a successful sign-in clears the count. In
// memory (the tRPC route handler runs in the one server process; a restart forgets the counts).
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitedError } from "../services/errors";

export const SIGN_IN_RATE_LIMIT = { points: 10, durationSeconds: 60 } as const;

export type SignInLimiter = {
  /** Throws RateLimitedError when this client has used up its failed attempts. */
  check(clientKey: string): Promise<void>;
  failed(clientKey: string): Promise<void>;
  succeeded(clientKey: string): Promise<void>;
};

export function createSignInLimiter(options: { points: number; durationSeconds: number } = SIGN_IN_RATE_LIMIT): SignInLimiter {
  const limiter = new RateLimiterMemory({ points: options.points, duration: options.durationSeconds });
  const refuse = (msBeforeNext: number) => {
    const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
    return new RateLimitedError(seconds, `Too many failed sign-in attempts from your network. Wait ${seconds} second${seconds === 1 ? "" : "s"} and try again.`);
  };
  return {
    async check(clientKey) {
      const state = await limiter.get(clientKey);
      if (state && state.consumedPoints >= options.points) throw refuse(state.msBeforeNext);
    },
    async failed(clientKey) {
      await limiter.consume(clientKey).catch((rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
      });
    },
    async succeeded(clientKey) {
      await limiter.delete(clientKey);
    },
  };
}
