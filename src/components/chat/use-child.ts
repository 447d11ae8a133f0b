import { useCallback, useSyncExternalStore } from 'react';
import type { AnyActorRef, SnapshotFrom } from 'xstate';

/** The snapshot of an invoked child chart, or undefined while none runs; re-renders as it changes. */
export function useChildSnapshot<T extends AnyActorRef>(actor: T | undefined): SnapshotFrom<T> | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!actor) return () => {};
      const subscription = actor.subscribe({ next: onChange, error: onChange, complete: onChange });
      return () => subscription.unsubscribe();
    },
    [actor],
  );
  const read = () => actor?.getSnapshot() as SnapshotFrom<T> | undefined;
  return useSyncExternalStore(subscribe, read, read);
}
