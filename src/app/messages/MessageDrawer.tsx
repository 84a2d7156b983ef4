import { lazy, Suspense } from 'react';
import { useInspectedMessage } from './store';

const MessageInspector = lazy(() => import('./MessageInspector'));

/** The message inspector, loaded the first time someone opens a message. */
export function MessageDrawer() {
  const id = useInspectedMessage();
  if (id === null) return null;
  return (
    <Suspense fallback={null}>
      <MessageInspector />
    </Suspense>
  );
}
