/**
 * How RabbitMQ 3.10.8 sends the publisher confirms that became due together (rabbit_channel's
 * send_confirms_and_nacks and coalesce_and_send): acks first, then nacks. Each side sends one
 * `multiple` frame for its tags below the cutoff (the smallest tag still unconfirmed, or one of the
 * other side's tags, whichever is lower) and the rest one by one. A lone ack goes out alone
 * (`multiple: false`), but a lone nack is coalesced too, so it is often `multiple: true` (recorded:
 * w-confirm-events). In the engine, "together" is one virtual instant.
 */

/** One basic.ack or basic.nack frame. */
export interface ConfirmFrame {
  ack: boolean;
  deliveryTag: number;
  multiple: boolean;
}

/**
 * The frames for the acked and nacked tags that are due now; `smallestUnconfirmed` is the lowest tag
 * still waiting for its confirm after these (Infinity when none).
 */
export function confirmFrames(acked: number[], nacked: number[], smallestUnconfirmed: number): ConfirmFrame[] {
  const acks = [...acked].sort((a, b) => a - b);
  const nacks = [...nacked].sort((a, b) => a - b);
  const out: ConfirmFrame[] = [];
  if (acks.length === 1) out.push({ ack: true, deliveryTag: acks[0], multiple: false });
  else if (acks.length > 1) coalesce(acks, nacks, smallestUnconfirmed, true, out);
  if (nacks.length) coalesce(nacks, acks, smallestUnconfirmed, false, out);
  return out;
}

function coalesce(tags: number[], others: number[], smallestUnconfirmed: number, ack: boolean, out: ConfirmFrame[]): void {
  const unconfirmedCutoff = Number.isFinite(smallestUnconfirmed) ? smallestUnconfirmed : tags[tags.length - 1] + 1;
  const cutoff = others.length ? Math.min(unconfirmedCutoff, others[0]) : unconfirmedCutoff;
  let i = 0;
  while (i < tags.length && tags[i] < cutoff) i++;
  if (i > 0) out.push({ ack, deliveryTag: tags[i - 1], multiple: true });
  for (; i < tags.length; i++) out.push({ ack, deliveryTag: tags[i], multiple: false });
}
