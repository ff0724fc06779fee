/** Edge types of the canvas, defined once at module scope. */
import type { EdgeTypes } from "@xyflow/react";
import { FLOW_EDGE_TYPE } from "../lib/flow-convert";
import { FlowEdgeComponent } from "./flow-edge";

export const edgeTypes: EdgeTypes = { [FLOW_EDGE_TYPE]: FlowEdgeComponent };
