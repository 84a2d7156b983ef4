import type { EdgeTypes } from '@xyflow/react';
import { PublishEdge } from './PublishEdge';
import { BindingEdge } from './BindingEdge';
import { ConsumeEdge } from './ConsumeEdge';
import { AlternateEdge, DeadLetterEdge } from './DerivedEdge';

export const edgeTypes: EdgeTypes = {
  publish: PublishEdge,
  binding: BindingEdge,
  consume: ConsumeEdge,
  deadLetter: DeadLetterEdge,
  alternate: AlternateEdge,
};
