/** Group actions: the groups list lives in `base.metadata.ui.groups`, membership in each member's `ui.group`. */
import { readGroups, withGroups, type StepGroup } from "../lib/groups";
import { uniqueStepId } from "../lib/step-ids";
import type { Doc } from "./history";
import type { StoreKit } from "./kit";
import { withGroup, withoutElements } from "./operations";
import type { EditingSlice } from "./types";

type GroupActions = Pick<EditingSlice, "createGroup" | "ungroup" | "renameGroup" | "setGroupCollapsed">;

export function createGroupActions(kit: StoreKit): GroupActions {
  const updateGroup = (groupId: string, update: (group: StepGroup) => StepGroup) => {
    const doc = kit.doc();
    const groups = readGroups(doc.base.metadata);
    const index = groups.findIndex((g) => g.group_id === groupId);
    if (index < 0) return;
    const next = update(groups[index]!);
    if (next.label === groups[index]!.label && next.collapsed === groups[index]!.collapsed) return;
    groups[index] = next;
    kit.commit({ ...doc, base: withGroups(doc.base, groups) });
  };

  return {
    createGroup: (stepIds, label) => {
      const doc = kit.doc();
      const members = new Set(stepIds.filter((id) => doc.steps.some((s) => s.id === id)));
      if (members.size === 0) return { ok: false, reason: "Select at least one step to group." };
      const groups = readGroups(doc.base.metadata);
      const groupId = uniqueStepId("group", new Set(groups.map((g) => g.group_id)));
      const name = label?.trim() || (groups.length === 0 ? "Group" : `Group ${groups.length + 1}`);
      // Members taken from other groups: a group left empty is removed with the others' cleanup.
      const regrouped: Doc = { ...doc, steps: doc.steps.map((s) => (members.has(s.id) ? withGroup(s, groupId) : s)) };
      const pruned = withoutEmptyGroups(doc, regrouped, groups);
      kit.commit({ ...pruned, base: withGroups(pruned.base, [...readGroups(pruned.base.metadata), { group_id: groupId, label: name, collapsed: false }]) });
      return { ok: true, value: { groupId } };
    },
    ungroup: (groupId) => {
      const doc = kit.doc();
      if (!readGroups(doc.base.metadata).some((g) => g.group_id === groupId)) return;
      kit.commit(withoutElements(doc, { groupIds: [groupId] }));
    },
    renameGroup: (groupId, label) => updateGroup(groupId, (g) => ({ ...g, label: label.trim() || g.label })),
    setGroupCollapsed: (groupId, collapsed) => updateGroup(groupId, (g) => ({ ...g, collapsed })),
  };
}

/** Groups that had members in `before` and have none in `after` are dropped from the metadata. */
function withoutEmptyGroups(before: Doc, after: Doc, groups: readonly StepGroup[]): Doc {
  const count = (doc: Doc) => {
    const counts = new Map<string, number>();
    for (const step of doc.steps) {
      const group = step.data.uiExtras?.group;
      if (typeof group === "string") counts.set(group, (counts.get(group) ?? 0) + 1);
    }
    return counts;
  };
  const had = count(before);
  const has = count(after);
  const remaining = groups.filter((g) => !had.has(g.group_id) || has.has(g.group_id));
  return remaining.length === groups.length ? after : { ...after, base: withGroups(after.base, remaining) };
}
