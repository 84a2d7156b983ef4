import { memo, useCallback, useRef } from 'react';
import { countLines, nodeSize, SIDE_IN_STYLE, SIDE_OUT_STYLE } from '../../editing/nodeSizes';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useText } from '../../text';
import type { NodeCounters } from '../../../worker/protocol';
import { formatCount, setAttr, setHidden, setText, useCounter, useLive, type Slots } from './live';
import { SIDE_IN, SIDE_IN_TOP, SIDE_OUT, SIDE_OUT_TOP, type ExchangeFlowNode } from '../types';
import { EXCHANGE_TONE, ExchangeGlyph } from './glyphs';
import { ErrorBadge } from './ErrorBadge';

type ExchangeConfig = ExchangeFlowNode['data']['node']['config'];

/**
 * An exchange: a hexagon badge with its name and a colour and icon per type; only its in/out
 * counts are live, written into the card by its live writer (live.ts).
 */
function ExchangeNodeView({ id, data, selected }: NodeProps<ExchangeFlowNode>) {
  const { config } = data.node;
  const error = useCounter(id, (c) => c.error);
  const t = useText('simulation');
  const root = useRef<HTMLDivElement>(null);
  const write = useCallback(
    (slot: Slots) => (c: NodeCounters) => {
      const msgIn = c.in ?? 0;
      const msgOut = c.out ?? 0;
      setAttr(root.current, 'data-in', msgIn);
      setAttr(root.current, 'data-out', msgOut);
      setHidden(slot('counts'), msgIn === 0 && msgOut === 0);
      setText(slot('in'), t('node.in', { n: formatCount(msgIn) }));
      setText(slot('out'), t('node.out', { n: formatCount(msgOut) }));
    },
    [t],
  );
  useLive(id, root, write);
  const size = nodeSize(data.node);
  return (
    <div ref={root} data-kind="exchange" data-name={config.name} data-type={config.type} data-error={error} style={size} className="relative flex items-center gap-2.5 px-7">
      <ErrorBadge text={error} />
      <ExchangeFace config={config} selected={!!selected} />
      <div className="relative min-w-0 flex-1">
        <ExchangeTitle config={config} />
        {/* In over out, each on a line the box reserves for it at its largest (nodeSizes.ts). */}
        <div data-live="counts" hidden className="flex flex-col text-[13px] leading-[18px] whitespace-nowrap text-zinc-500 tabular-nums [contain:strict] dark:text-zinc-400" style={{ height: 18 * countLines(data.node, size.width) }}>
          <span data-live="in" />
          <span data-live="out" />
        </div>
      </div>
      <ExchangeHandles />
    </div>
  );
}

const ExchangeFace = memo(function ExchangeFace({ config, selected }: { config: ExchangeConfig; selected: boolean }) {
  const t = useText('editor');
  const tone = EXCHANGE_TONE[config.type];
  return (
    <>
      <svg className="absolute inset-0 h-full w-full overflow-visible" viewBox="0 0 200 84" preserveAspectRatio="none" aria-hidden>
        <polygon
          points="20,1 180,1 199,42 180,83 20,83 1,42"
          className="fill-white dark:fill-zinc-900"
          stroke={selected ? 'var(--color-accent-500)' : tone.stroke}
          strokeWidth={selected ? 3 : 1.75}
          strokeLinejoin="round"
          style={{ filter: 'drop-shadow(0 1px 1.5px rgb(0 0 0 / 0.08))' }}
        />
      </svg>
      <span className={`relative grid size-9 shrink-0 place-items-center rounded-lg text-white ${tone.bg}`} title={t(`exchangeType.${config.type}`)}>
        <ExchangeGlyph type={config.type} />
      </span>
    </>
  );
});

const ExchangeTitle = memo(function ExchangeTitle({ config }: { config: ExchangeConfig }) {
  const t = useText('editor');
  const tone = EXCHANGE_TONE[config.type];
  return (
    <>
      <div data-node-name className="truncate text-[15px] leading-5 font-semibold text-zinc-900 dark:text-zinc-50">{config.name}</div>
      <div className={`text-[13px] leading-[18px] font-semibold tracking-wide uppercase ${tone.text}`}>
        {config.type}
        {config.internal && <span className="ml-1.5 text-zinc-500 dark:text-zinc-400 normal-case">{t('node.internal')}</span>}
      </div>
    </>
  );
});

const ExchangeHandles = memo(function ExchangeHandles() {
  return (
    <>
      <Handle type="target" position={Position.Left} />
      <Handle type="source" position={Position.Right} />
      <Handle type="target" id={SIDE_IN} position={Position.Bottom} className="side" style={SIDE_IN_STYLE} isConnectable={false} />
      <Handle type="source" id={SIDE_OUT} position={Position.Bottom} className="side" style={SIDE_OUT_STYLE} isConnectable={false} />
      <Handle type="target" id={SIDE_IN_TOP} position={Position.Top} className="side" isConnectable={false} />
      <Handle type="source" id={SIDE_OUT_TOP} position={Position.Top} className="side" isConnectable={false} />
    </>
  );
});

export const ExchangeNode = memo(ExchangeNodeView);
