"use client";
/**
 * A group's frame, drawn behind its members: a tinted, labelled area that moves them along.
 * Double-click the label to rename it; the chevron collapses the group to one box
 * ("label · N steps") that edges to its members attach to.
 */
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo, useState } from "react";
import { GROUP_SOURCE_HANDLE, GROUP_TARGET_HANDLE, type GroupNode } from "../../lib/flow-convert";
import { useEditorStore } from "../../store";
import { useCanvasReadOnly } from "../canvas-mode";
import { GroupLabel } from "./group-label";

const FRAME_HANDLE_CLASS = "h-3! w-3! border-2! border-white! bg-slate-400! shadow-sm";

function GroupNodeView({ data, selected }: NodeProps<GroupNode>) {
  const { group_id, label, collapsed, memberIds } = data;
  const setCollapsed = useEditorStore((s) => s.setGroupCollapsed);
  const readOnly = useCanvasReadOnly();
  const [editing, setEditing] = useState(false);
  const count = `${memberIds.length} step${memberIds.length === 1 ? "" : "s"}`;
  const toggle = (
    <button
      type="button"
      className="nodrag flex size-6 shrink-0 items-center justify-center rounded-md text-slate-500 hover:bg-slate-900/5 hover:text-slate-800"
      aria-label={collapsed ? `Expand group ${label}` : `Collapse group ${label}`}
      aria-expanded={!collapsed}
      title={collapsed ? "Expand group" : "Collapse group"}
      disabled={readOnly}
      onClick={(event) => {
        event.stopPropagation();
        setCollapsed(group_id, !collapsed);
      }}
    >
      <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.25} aria-hidden>
        <path d={collapsed ? "m9 6 6 6-6 6" : "m6 9 6 6 6-6"} strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </button>
  );

  if (collapsed) {
    return (
      <div
        className={`flex h-full w-full items-center gap-2 rounded-xl border-2 bg-white px-2.5 shadow-[0_1px_3px_rgba(15,23,42,0.08)] ${
          selected ? "border-indigo-500 ring-4 ring-indigo-500/15" : "border-dashed border-slate-300"
        }`}
        data-testid={`group-node-${group_id}`}
      >
        {toggle}
        <FrameGlyph />
        <div className="min-w-0 flex-1">
          <GroupLabel groupId={group_id} label={label} editing={editing} onEditingChange={setEditing} readOnly={readOnly} />
          <div className="text-xs leading-4 text-slate-500">{count}</div>
        </div>
        <Handle type="target" id={GROUP_TARGET_HANDLE} position={Position.Left} isConnectable={false} className={FRAME_HANDLE_CLASS} />
        <Handle type="source" id={GROUP_SOURCE_HANDLE} position={Position.Right} isConnectable={false} className={FRAME_HANDLE_CLASS} />
      </div>
    );
  }

  return (
    <div
      className={`h-full w-full rounded-2xl border-2 ${
        selected ? "border-indigo-400 bg-indigo-50/50" : "border-slate-300/80 bg-slate-100/60"
      } border-dashed`}
      data-testid={`group-node-${group_id}`}
    >
      <div className="flex h-8 items-center gap-1 px-1.5">
        {toggle}
        <GroupLabel groupId={group_id} label={label} editing={editing} onEditingChange={setEditing} readOnly={readOnly} />
        <span className="ml-1 shrink-0 text-xs text-slate-500">{count}</span>
      </div>
    </div>
  );
}

function FrameGlyph() {
  return (
    <span aria-hidden className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-500">
      <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2}>
        <rect x="3" y="3" width="18" height="18" rx="3" strokeDasharray="3 3" />
        <rect x="7" y="8" width="10" height="8" rx="1.5" />
      </svg>
    </span>
  );
}

/** The frame's size and position come from React Flow's wrapper: re-render only for what it shows. */
const sameFrame = (a: NodeProps<GroupNode>, b: NodeProps<GroupNode>) =>
  a.id === b.id && a.data === b.data && a.selected === b.selected;

export const GroupNodeComponent = memo(GroupNodeView, sameFrame);
GroupNodeComponent.displayName = "GroupNode";
