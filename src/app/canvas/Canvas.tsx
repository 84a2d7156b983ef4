import { useCallback, useEffect, useRef, type DragEvent, type MouseEvent } from 'react';
import { Background, BackgroundVariant, Controls, ReactFlow, useNodesInitialized, useReactFlow, type ReactFlowInstance } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { beginGesture, endGesture, useDocument } from '../../store/document';
import { useUi } from '../../store/ui';
import { fitContent, fitStore } from '../actions/fitView';
import { addNodeAt, DRAG_TYPE, GRID, isNodeKind } from './addNode';
import { isValidConnection, onConnect, onConnectEnd } from './connect';
import { ConnectionLine } from './ConnectionLine';
import { edgeTypes } from './edges';
import { attachFlow, getFlow } from './flowApi';
import { routeStore } from './routes';
import { useStore as useZustand } from 'zustand';
import { nodeTypes } from './nodes';
import type { FlowEdge, FlowNode } from './types';
import { useFlowState } from './useFlowState';
import { useFlowAriaLabels } from './a11y';
import { CanvasToolbar } from './CanvasToolbar';
import { EmptyHint } from './EmptyHint';
import { useCode } from '../code/store';
import { MessageLayer } from '../sim/MessageLayer';
import { CountersOnScreen } from './nodes/onScreen';
import { MinimapButton, MinimapCorner } from './MinimapCorner';
import { ClusterStrip } from '../cluster/ClusterStrip';
import { MessageDrawer } from '../messages/MessageDrawer';
import { messageAt } from './pickMessage';
import { isReadonly, useAppMode } from '../embed/mode';
import { useKeepSelectionInView } from './keepInView';

const SNAP: [number, number] = [GRID, GRID];
const PAN_BUTTONS = [1, 2];
const CONTROLS_STYLE = { marginLeft: 92 };

export function Canvas() {
  const { t } = useTranslation('editor');
  const { nodes, edges, onNodesChange, onEdgesChange } = useFlowState();
  const theme = useUi((s) => s.theme);
  const snapToGrid = useUi((s) => s.snapToGrid);
  const dragMode = useUi((s) => s.dragMode);
  const fitRequest = useUi((s) => s.fitRequest);
  // Code hook: nodes a program declared count too (code/canvas.ts).
  const noCode = useCode((s) => !s.view?.nodes.length);
  const empty = useDocument((s) => s.doc.nodes.length === 0) && noCode;
  const readonly = useAppMode((s) => s.readonly);
  const pane = useRef<HTMLDivElement>(null);
  const ariaLabels = useFlowAriaLabels();
  useKeepSelectionInView(pane);

  const onInit = useCallback((i: ReactFlowInstance<FlowNode, FlowEdge>) => attachFlow(i, pane.current), []);
  useEffect(() => () => attachFlow(null, null), []);
  // Fit once per request, after React Flow has measured the nodes (an empty document has nothing to fit).
  const initialized = useNodesInitialized();
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const fitted = useRef(0);
  useEffect(() => {
    if (!fitRequest || fitted.current === fitRequest) return;
    if (empty) {
      fitted.current = fitRequest;
      return;
    }
    if (!initialized || !pane.current) return;
    const size = { width: pane.current.clientWidth, height: pane.current.clientHeight };
    if (fitContent(200, undefined, flow, size)) fitted.current = fitRequest;
  }, [fitRequest, initialized, empty, flow]);
  const routed = useZustand(routeStore, (s) => Object.keys(s.routes).length);
  const fits = useZustand(fitStore, (s) => s.fits);

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);
  // A click on an envelope in flight (or parked at a consumer) opens that message; envelopes
  // ride on the edges, so a click on an edge asks too.
  const onPaneClick = useCallback((e: MouseEvent) => {
    void messageAt(e.clientX, e.clientY);
  }, []);
  const onDrop = useCallback((e: DragEvent) => {
    const kind = e.dataTransfer.getData(DRAG_TYPE);
    const flow = getFlow();
    if (!isNodeKind(kind) || !flow || isReadonly()) return;
    e.preventDefault();
    addNodeAt(kind, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  }, []);

  return (
    <div ref={pane} className="relative h-full w-full select-none" onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas" data-readonly={readonly || undefined} data-routed={routed} data-fits={fits}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        nodesDraggable={!readonly}
        nodesConnectable={!readonly}
        edgesReconnectable={!readonly}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        connectionLineComponent={ConnectionLine}
        onNodeDragStart={beginGesture}
        onNodeDragStop={endGesture}
        onSelectionDragStart={beginGesture}
        onSelectionDragStop={endGesture}
        onInit={onInit}
        onPaneClick={onPaneClick}
        onEdgeClick={onPaneClick}
        colorMode={theme}
        snapToGrid={snapToGrid}
        snapGrid={SNAP}
        selectionOnDrag={dragMode === 'select'}
        panOnDrag={dragMode === 'select' ? PAN_BUTTONS : true}
        deleteKeyCode={null}
        // Nodes never overlap here: raising the selected one would restack the canvas (a repaint and
        // relayering of every card) in the very task of the click.
        elevateNodesOnSelect={false}
        minZoom={0.2}
        maxZoom={2.5}
        proOptions={{ hideAttribution: true }}
        aria-label={t('canvas.label')}
        ariaLabelConfig={ariaLabels}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} color="var(--w-dots)" />
        <Controls showInteractive={false} position="top-left" orientation="horizontal" style={CONTROLS_STYLE}>
          <MinimapButton />
        </Controls>
        <MinimapCorner />
        <ClusterStrip /> {/* cluster hook: node strip with stop/start */}
        <CanvasToolbar />
        <MessageLayer />
        <CountersOnScreen />
      </ReactFlow>
      {empty && !readonly && <EmptyHint />}
      <MessageDrawer />
    </div>
  );
}
