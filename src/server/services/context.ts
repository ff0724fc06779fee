import type { Engine } from "../../engine";
import type { Principal } from "../auth/principal";
import type { Repositories } from "../db/repositories";

/** What every service call receives: the data access and who is asking. */
export type ServiceContext = {
  repos: Repositories;
  principal: Principal;
};

/** Services that start or steer runs also need the engine. */
export type RunServiceContext = ServiceContext & { engine: Engine };
