/** Node types of the canvas, defined once at module scope (a new object per render remounts every node). */
import type { NodeTypes } from "@xyflow/react";
import { GROUP_NODE_TYPE, STEP_NODE_TYPE } from "../lib/flow-convert";
import { GroupNodeComponent } from "./group/node";
import { StepNodeComponent } from "./step/node";

export const nodeTypes: NodeTypes = { [STEP_NODE_TYPE]: StepNodeComponent, [GROUP_NODE_TYPE]: GroupNodeComponent };
