// Who the stored user ids are: audit fields (an approval's `decided_by`, a run's `created_by`)
// keep the stable account id; the app shows the account's email instead. Any signed-in caller
// may read it: it lists the accounts of this server, whose runs they can already see.
import type { ServiceContext } from "../context";

export type Person = { id: string; label: string };

export async function listPeople(ctx: ServiceContext): Promise<Person[]> {
  return (await ctx.repos.users.listPeople()).map((user) => ({ id: user.id, label: user.email }));
}
