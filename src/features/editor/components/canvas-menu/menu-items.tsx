"use client";
/** What the right-click menus offer, for a step (or the selection), a group frame and the empty canvas. */
import type { XYPosition } from "@xyflow/react";
import { keyLabel } from "../../hooks/shortcut-keys";
import { readClipboard, rememberCopy } from "../../hooks/canvas-clipboard";
import type { GroupNode } from "../../lib/flow-convert";
import type { EditorStore } from "../../store";
import {
  CopyIcon,
  DuplicateIcon,
  FitIcon,
  GroupIcon,
  LayoutIcon,
  PasteIcon,
  PlayFlagIcon,
  PlusIcon,
  SelectAllIcon,
  TrashIcon,
  UngroupIcon,
} from "../canvas-toolbar/canvas-icons";
import type { ContextMenuItem } from "./context-menu";

type Notify = (message: string) => void;

export function stepMenuItems(store: EditorStore, stepId: string, readOnly: boolean, notify: Notify): ContextMenuItem[] {
  const state = store.getState();
  const copy: ContextMenuItem = {
    label: "Copy",
    icon: <CopyIcon />,
    shortcut: keyLabel(["Mod", "C"]),
    onSelect: () => {
      const text = store.getState().copySelection();
      if (text) rememberCopy(text);
    },
  };
  if (readOnly) return [copy];
  const selected = state.selectedStepIds();
  const many = selected.length > 1;
  const frame = state.nodes.find(
    (n): n is GroupNode => n.type === "group" && n.data.memberIds.includes(stepId),
  );
  const items: ContextMenuItem[] = [
    {
      label: "Set as start",
      icon: <PlayFlagIcon />,
      disabled: many || state.base.entrypoint === stepId,
      onSelect: () => store.getState().setEntrypoint(stepId),
    },
    {
      label: many ? `Duplicate ${selected.length} steps` : "Duplicate",
      icon: <DuplicateIcon />,
      shortcut: keyLabel(["Mod", "D"]),
      separated: true,
      onSelect: () => store.getState().duplicateSelection(),
    },
    copy,
    frame
      ? {
          label: "Ungroup",
          icon: <UngroupIcon />,
          shortcut: keyLabel(["Mod", "Shift", "G"]),
          onSelect: () => store.getState().ungroup(frame.data.group_id),
        }
      : {
          label: many ? `Group ${selected.length} steps` : "Group",
          icon: <GroupIcon />,
          shortcut: keyLabel(["Mod", "G"]),
          onSelect: () => {
            const result = store.getState().createGroup(store.getState().selectedStepIds());
            if (!result.ok) notify(result.reason);
          },
        },
    {
      label: many ? `Delete ${selected.length} steps` : "Delete",
      icon: <TrashIcon />,
      shortcut: "Del",
      tone: "danger",
      separated: true,
      onSelect: () => store.getState().deleteSelection(),
    },
  ];
  return items;
}

export function groupMenuItems(store: EditorStore, frame: GroupNode, readOnly: boolean): ContextMenuItem[] {
  if (readOnly) return [];
  const { group_id, collapsed, memberIds } = frame.data;
  return [
    {
      label: collapsed ? "Expand group" : "Collapse group",
      icon: <GroupIcon />,
      onSelect: () => store.getState().setGroupCollapsed(group_id, !collapsed),
    },
    {
      label: "Select its steps",
      icon: <SelectAllIcon />,
      disabled: collapsed,
      onSelect: () => store.getState().selectSteps(memberIds),
    },
    {
      label: "Ungroup",
      icon: <UngroupIcon />,
      shortcut: keyLabel(["Mod", "Shift", "G"]),
      separated: true,
      onSelect: () => store.getState().ungroup(group_id),
    },
  ];
}

type PaneActions = { quickAdd: () => void; autoLayout: () => void; fitView: () => void; pasteAt: XYPosition };

export function paneMenuItems(store: EditorStore, actions: PaneActions, readOnly: boolean, notify: Notify): ContextMenuItem[] {
  const view: ContextMenuItem[] = [
    { label: "Fit view", icon: <FitIcon />, shortcut: keyLabel(["Shift", "1"]), separated: !readOnly, onSelect: actions.fitView },
  ];
  if (readOnly) return view;
  return [
    { label: "Add step here…", icon: <PlusIcon />, shortcut: "/", onSelect: actions.quickAdd },
    {
      label: "Paste here",
      icon: <PasteIcon />,
      shortcut: keyLabel(["Mod", "V"]),
      onSelect: () =>
        void readClipboard().then((text) => {
          if (!text) return notify("Nothing to paste: copy some steps first.");
          const result = store.getState().paste(text, actions.pasteAt);
          if (!result.ok) notify(result.reason);
        }),
    },
    {
      label: "Select all",
      icon: <SelectAllIcon />,
      shortcut: keyLabel(["Mod", "A"]),
      onSelect: () => {
        const state = store.getState();
        state.selectSteps(state.nodes.filter((n) => n.type === "step" && !n.hidden).map((n) => n.id));
      },
    },
    { label: "Auto-layout", icon: <LayoutIcon />, shortcut: keyLabel(["Shift", "L"]), separated: true, onSelect: actions.autoLayout },
    ...view.map((item) => ({ ...item, separated: false })),
  ];
}
