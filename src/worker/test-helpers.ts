/** For the worker's tests: presets by id and canvas nodes by name, failing loudly when missing. */
import { presetById } from '../scenario/presets';
import type { ScenarioDocument } from '../scenario/schema';
import { FrameDecoder, type SentReply } from './frame-delta';
import type { Frame } from './protocol';

export function presetDoc(id: string): ScenarioDocument {
  const p = presetById(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p.doc;
}

export function nodeIdOf(doc: ScenarioDocument, name: string): string {
  const n = doc.nodes.find((x) => x.kind !== 'note' && x.config.name === name);
  if (!n) throw new Error(`no node ${name}`);
  return n.id;
}

/** A handler's reply callback that keeps its frames made whole again, as the page does (frame-delta.ts). */
export function wholeFrames(into: Frame[]): (reply: SentReply) => void {
  const decoder = new FrameDecoder();
  let run: number | undefined;
  return (reply) => {
    if (reply.type !== 'frame') return;
    if (reply.run !== run) decoder.reset();
    run = reply.run;
    const frame = decoder.decode(reply);
    if (!frame) throw new Error('a frame of changes without the frame before it');
    into.push(frame);
  };
}
