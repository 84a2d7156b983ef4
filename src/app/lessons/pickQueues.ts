/**
 * Picking queues on the canvas for a "which queues?" step: a click on a queue node adds or removes
 * it from the answer. Listens at the document, so the canvas needs no lesson-specific code.
 */
import { useEffect } from 'react';
import { currentLesson, lessonStore, toggleChosen, useLesson } from './store';

export function pickingQueues(): boolean {
  const { open, step } = lessonStore.getState();
  return open && currentLesson()?.steps[step]?.check?.kind === 'select-queues';
}

export function usePickQueues(): void {
  const open = useLesson((s) => s.open);
  useEffect(() => {
    if (!open) return;
    const onClick = (e: MouseEvent): void => {
      if (!pickingQueues() || !(e.target instanceof Element)) return;
      const flowNode = e.target.closest('.react-flow__node');
      if (!flowNode?.querySelector('[data-kind="queue"]')) return;
      const id = flowNode.getAttribute('data-id');
      if (id) toggleChosen(id);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [open]);
}
