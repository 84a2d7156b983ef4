import { Fragment, memo, useCallback, useRef } from 'react';
import { countLines, describeKey, keyPieces, nodeSize } from '../../editing/nodeSizes';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { AgentClusterBadge } from '../../cluster/NodeBadge';
import { useText, type Translate } from '../../text';
import type { RoutingKeySource } from '../../../scenario/schema';
import type { NodeCounters } from '../../../worker/protocol';
import { formatCount, setAttr, setHidden, setText, useCounter, useLive, type Slots } from './live';
import { producerRate, sendOne } from '../../transport/control';
import type { ProducerFlowNode } from '../types';
import { ErrorBadge } from './ErrorBadge';
import { ProducerGlyph } from './glyphs';
import { BlockedMark } from '../../broker/NodeBroker';
import { ControlButton, NodeControls } from './NodeControls';

const keysOf = (rk: RoutingKeySource) => (rk.mode === 'cycle' || rk.mode === 'random' ? rk.keys.join(' | ') : describeKey(rk));

const nz = (n: number | undefined) => (n ? n : undefined);

type ProducerConfig = ProducerFlowNode['data']['node']['config'];

/**
 * A producer: a pill with an outgoing arrow, its target, routing key, rate and what it has sent.
 * Its counts are written into the card by its live writer (live.ts); React re-renders it only for
 * an error, a block, or its rate starting or stopping.
 */
function ProducerNodeView({ id, data, selected }: NodeProps<ProducerFlowNode>) {
  const { config } = data.node;
  const error = useCounter(id, (c) => c.error);
  const running = useCounter(id, (c) => c.running ?? false);
  const blocked = useCounter(id, (c) => c.blocked ?? false);
  const t = useText('editor');
  const ts = useText('simulation');
  const root = useRef<HTMLDivElement>(null);
  const write = useCallback((slot: Slots) => producerWriter(root, slot, t, ts), [t, ts]);
  useLive(id, root, write);
  const size = nodeSize(data.node, data.target);
  return (
    <div
      ref={root}
      data-kind="producer"
      data-name={config.name}
      data-running={running}
      data-error={error}
      data-blocked={blocked}
      data-confirm={config.confirm || undefined}
      data-mandatory={config.mandatory || undefined}
      style={size}
      className={`group relative flex items-center gap-3 rounded-full border bg-white py-2 pr-5 pl-2 shadow-sm dark:bg-zinc-900 ${
        selected ? 'border-accent-500 ring-accent-500/30 ring-4' : 'border-zinc-300 dark:border-zinc-700'
      }`}
    >
      <ProducerControls id={id} name={config.name} rate={config.rate} running={running} selected={!!selected} />
      <ErrorBadge text={error} />
      <BlockedMark blocked={blocked} />
      <span className="grid size-10 shrink-0 place-items-center rounded-full bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900">
        <ProducerGlyph />
      </span>
      <div className="min-w-0 flex-1">
        <ProducerTitle config={config} target={data.target} />
        <ProducerCounts rate={config.rate} lines={countLines(data.node, size.width)} />
      </div>
      <AgentClusterBadge id={id} /> {/* cluster hook: its connection's node */}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

/** Writes a producer's counts into its card. */
function producerWriter(root: { readonly current: HTMLElement | null }, slot: Slots, t: Translate, ts: Translate) {
  return (c: NodeCounters) => {
    const published = c.published ?? 0;
    const el = root.current;
    setAttr(el, 'data-published', published);
    setAttr(el, 'data-confirmed', nz(c.confirmed));
    setAttr(el, 'data-nacked', nz(c.nacked));
    setAttr(el, 'data-returned', nz(c.returned));
    setHidden(slot('published'), published === 0);
    if (published > 0) setText(slot('published'), t('node.published', { n: formatCount(published) }));
    setHidden(slot('confirmed'), !c.confirmed);
    if (c.confirmed) setText(slot('confirmed'), `✓${formatCount(c.confirmed)}`);
    setHidden(slot('nacked'), !c.nacked);
    if (c.nacked) setText(slot('nacked'), `✗${formatCount(c.nacked)}`);
    const returned = slot('returned');
    setHidden(returned, !c.returned);
    if (c.returned) {
      setText(returned, `↩${formatCount(c.returned)}`);
      setAttr(returned, 'title', ts('node.returned', { count: c.returned }));
    }
  };
}

const ProducerControls = memo(function ProducerControls({ id, name, rate, running, selected }: { id: string; name: string; rate: number; running: boolean; selected: boolean }) {
  const t = useText('simulation');
  return (
    <NodeControls selected={selected} label={name}>
      <ControlButton onClick={() => sendOne(id)} label={t('node.sendOne')} testId="send-one">
        ＋1 {t('node.sendOne')}
      </ControlButton>
      {rate > 0 && (
        <ControlButton onClick={() => producerRate(id, running ? 'stop' : 'start')} label={t(running ? 'node.stopRate' : 'node.startRate')} testId="rate">
          {running ? `❚❚ ${t('node.stopRate')}` : `▶ ${t('node.startRate')}`}
        </ControlButton>
      )}
    </NodeControls>
  );
});

const ProducerTitle = memo(function ProducerTitle({ config, target }: { config: ProducerConfig; target: string | undefined }) {
  const t = useText('editor');
  return (
    <>
      <div data-node-name className="truncate text-[15px] leading-5 font-semibold text-zinc-900 dark:text-zinc-50">{config.name}</div>
      <div className="text-[13px] leading-[18px] [overflow-wrap:anywhere] text-zinc-500 dark:text-zinc-400">
        {/* Two parts, each kept whole: side by side when they fit, else one under the other, the
            second led by its dot (nodeSizes.ts); an arrow or a dot never ends a line. */}
        <span className="inline-block" title={t('node.target')}>
          →{'\u00a0'}{target ?? t('node.unconnected')}
        </span>{' '}
        <span className="inline-block">
          <span className="text-zinc-300 dark:text-zinc-600">·</span>
          {'\u00a0'}
          <span className="font-mono" title={`${t('node.routingKey')}: ${keysOf(config.routingKey)}`}>
            {keyPieces(describeKey(config.routingKey)).map((piece, i) => (
              <Fragment key={i}>
                {i > 0 && <wbr />}
                {piece}
              </Fragment>
            ))}
          </span>
        </span>
      </div>
    </>
  );
});

/** Rate and counts, each kept whole and wrapping onto the `lines` the box reserves for them at their largest (nodeSizes.ts). */
const ProducerCounts = memo(function ProducerCounts({ rate, lines }: { rate: number; lines: number }) {
  const t = useText('editor');
  return (
    <div className="flex flex-wrap gap-x-2 text-[13px] leading-[18px] whitespace-nowrap text-zinc-500 tabular-nums [contain:strict] dark:text-zinc-400" style={{ height: 18 * lines }}>
      <span>{rate > 0 ? t('node.rate', { rate }) : t('node.manual')}</span>
      <span data-live="published" hidden />
      <span data-live="confirmed" hidden className="text-emerald-700 dark:text-emerald-300" />
      <span data-live="nacked" hidden className="text-red-700 dark:text-red-300" />
      <span data-live="returned" hidden className="text-orange-700 dark:text-orange-300" />
    </div>
  );
});

export const ProducerNode = memo(ProducerNodeView);
