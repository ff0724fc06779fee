/** Node types of the canvas, defined once at module scope (a new object per render remounts every node). */
import type { NodeTypes } from "@xyflow/react";
import { STEP_NODE_TYPE } from "../lib/flow-convert";
import { StepNodeComponent } from "./step/node";

export const nodeTypes: NodeTypes = { [STEP_NODE_TYPE]: StepNodeComponent };
