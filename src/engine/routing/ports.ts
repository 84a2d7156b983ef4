import type { BindingDestination } from './binding';

/**
 * What routing needs of a queue, which lives on a floor above it: a binding destination with a name
 * and a type (classic queues take their copies before quorum queues).
 */
export interface RoutedQueue extends BindingDestination {
  readonly kind: 'queue';
  readonly settings: { readonly type: string };
}
