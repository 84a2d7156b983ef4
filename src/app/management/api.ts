/** The management views' calls, through the simulation worker (worker/management.ts). */
import type { ManagementOp, ManagementResult } from '../../worker/management-protocol';
import { simulation } from '../sim/bridge';

export const managementCall = (op: ManagementOp): Promise<ManagementResult> => simulation().management(op);
