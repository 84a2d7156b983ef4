/** Every editor action, registered once by importing this module. */
import './undo';
import './redo';
import './deleteSelection';
import './duplicate';
import './copy';
import './paste';
import './selectAll';
import './deselect';
import './fitView';
import './zoom';
import './autoLayout';
import './toggleSnap';
import './toggleDragMode';
import './toggleTheme';
import './toggleBottom';
import './help';
import './newDocument';
import './togglePlay';
import './step';
import './connectTo';
import './stepBack';

export { allActions, getAction, performAction } from './register';
export type { Action } from './types';
