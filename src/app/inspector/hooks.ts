/** Selectors the inspector panels share, declared once so that they stay cheap. */
import { useShallow } from 'zustand/react/shallow';
import { useDocument } from '../../store/document';
import type { NodeKind, NodeOf } from '../../scenario/schema';

/** A node's config; the same object while only its position changes, so dragging does not re-render forms. */
export function useNodeConfig<K extends NodeKind>(id: string, kind: K): NodeOf<K>['config'] | undefined {
  return useDocument((s) => {
    const node = s.doc.nodes.find((n) => n.id === id);
    return node?.kind === kind ? (node.config as NodeOf<K>['config']) : undefined;
  });
}

/** Names of the exchanges on the canvas in one vhost, sorted. */
export function useExchangeNames(vhost: string): string[] {
  return useDocument(
    useShallow((s) =>
      s.doc.nodes
        .flatMap((n) => (n.kind === 'exchange' && n.config.vhost === vhost ? [n.config.name] : []))
        .sort((a, b) => a.localeCompare(b)),
    ),
  );
}
